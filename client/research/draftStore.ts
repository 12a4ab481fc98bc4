import { create } from 'zustand';
import type { Observation } from '../../shared/research/researchDoc';

/** The observation being written (local only): shared by the composer and the feed, which links items to it. */
export interface Draft {
  text: string;
  speakers: string[];
  codes: string[];
  quote: boolean;
  links: string[];
  /** When the first key of this note was typed: the observed moment. */
  startedAt: number | null;
  /** The saved observation being edited, if any. */
  editing: Observation | null;
}

const empty = (): Draft => ({
  text: '',
  speakers: [],
  codes: [],
  quote: false,
  links: [],
  startedAt: null,
  editing: null,
});

export const useDraftStore = create<Draft>(() => empty());

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

export const draftActions = {
  setText(text: string) {
    useDraftStore.setState((d) => ({ text, startedAt: d.startedAt ?? (text ? Date.now() : null) }));
  },
  toggleSpeaker: (id: string) => useDraftStore.setState((d) => ({ speakers: toggle(d.speakers, id) })),
  toggleCode: (id: string) => useDraftStore.setState((d) => ({ codes: toggle(d.codes, id) })),
  addCode: (id: string) =>
    useDraftStore.setState((d) => ({ codes: d.codes.includes(id) ? d.codes : [...d.codes, id] })),
  toggleLink: (id: string) => useDraftStore.setState((d) => ({ links: toggle(d.links, id) })),
  toggleQuote: () => useDraftStore.setState((d) => ({ quote: !d.quote })),
  edit(o: Observation) {
    useDraftStore.setState({
      text: o.text,
      speakers: [...o.speakers],
      codes: [...o.codes],
      quote: o.quote,
      links: [...o.links],
      startedAt: o.time,
      editing: o,
    });
  },
  reset: () => useDraftStore.setState(empty()),
};
