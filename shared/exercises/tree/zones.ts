import type { LocalisedText } from '../../programme';
import { TEMPLATE_SOURCE } from '../../template';

/** The parts of the tree of cooperation (source, chapter 1 "Boom"); lubricant is optional. */
export const TREE_ZONES = ['roots', 'apples', 'wateringCan', 'lubricant'] as const;
export type TreeZone = (typeof TREE_ZONES)[number];

export const TREE_ZONE_INFO: Record<TreeZone, { name: LocalisedText; meaning: LocalisedText }> = {
  roots: {
    name: { nl: 'Wortels', en: 'Roots' },
    meaning: { nl: 'Structurele voorwaarden voor samenwerking', en: 'Structural conditions for cooperation' },
  },
  apples: {
    name: { nl: 'Appels', en: 'Apples' },
    meaning: { nl: 'Doelen en beoogde opbrengsten', en: 'Goals and intended yields' },
  },
  wateringCan: {
    name: { nl: 'Gieter', en: 'Watering can' },
    meaning: { nl: 'De energie die de samenwerking gaande houdt', en: 'The energy that keeps the cooperation going' },
  },
  lubricant: {
    name: { nl: 'Smeerolie', en: 'Lubricant' },
    meaning: { nl: 'Wat de samenwerking soepel laat lopen', en: 'What makes the cooperation run smoothly' },
  },
};

export const TREE_SOURCE = `${TEMPLATE_SOURCE} Hoofdstuk 1, werkvorm "Boom".`;
