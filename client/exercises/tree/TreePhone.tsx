import { useState, type FormEvent } from 'react';
import { TREE_ZONE_INFO, TREE_ZONES, type TreeZone } from '../../../shared/exercises/tree/zones';
import { LIMITS } from '../../../shared/limits';
import { localise, useLang } from '../../i18n/i18n';
import { useControlStore } from '../../store/controlStore';
import type { PhoneProps } from '../types';
import { addTreeItem, patchTreeItem } from './actions';
import { useTreeT } from './i18n';
import { TreeSvg } from './TreeSvg';
import { useTree } from './useTree';
import './tree.css';
import { DeletedItemUndo, OwnItemActions } from '../../components/OwnItemActions';
import { SessionVoteSlot } from '../SessionVoteSlot';

/** Your group's tree: pick a zone, write a note, move your own notes between zones. */
export function TreePhone({ session, participantId, groupId: cooperationId, locked }: PhoneProps) {
  const t = useTreeT();
  const lang = useLang();
  const participants = useControlStore((s) => s.participants);
  const { groups, ofGroup } = useTree(session.id);
  const group = groups.find((g) => g.members.includes(participantId));
  const [zone, setZone] = useState<TreeZone>('roots');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!group)
    return (
      <p role="status" data-testid="tree-no-group">
        {t('noGroups')}
      </p>
    );
  const items = ofGroup(group.id, false).filter((i) => !i.hidden || i.authorId === participantId);
  const others = group.members
    .filter((m) => m !== participantId)
    .map((m) => participants.find((p) => p.id === m)?.name)
    .filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (locked) return;
    if (!text.trim()) return setError(t('empty'));
    const res = addTreeItem(
      { sessionId: session.id, groupId: cooperationId, authorId: participantId },
      { text, zone, treeGroupId: group.id },
    );
    if (res.ok) {
      setText('');
      setError(null);
    } else setError(res.reason === 'notConnected' ? t('notConnected') : t('empty'));
  };
  return (
    <div className="tree-phone">
      <p className="ex-badge" data-testid="tree-group">
        {t('yourTree', { name: group.name })}
      </p>
      {others.length > 0 && <p className="muted">{t('with', { names: others.join(', ') })}</p>}
      <form className="ex-form" onSubmit={submit} noValidate data-testid="tree-form">
        <fieldset className="choice-list">
          <legend>{t('zone')}</legend>
          {TREE_ZONES.map((z) => (
            <label key={z} className="choice" data-testid={`zone-${z}`}>
              <input type="radio" name="tree-zone" checked={zone === z} onChange={() => setZone(z)} />
              <span>
                <strong>{localise(TREE_ZONE_INFO[z].name, lang)}</strong>: {localise(TREE_ZONE_INFO[z].meaning, lang)}
              </span>
            </label>
          ))}
        </fieldset>
        <label htmlFor="tree-input">{t('text')}</label>
        <textarea
          id="tree-input"
          className="input"
          rows={2}
          maxLength={LIMITS.itemText}
          value={text}
          disabled={locked}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          data-testid="tree-input"
        />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary button--block" disabled={locked} data-testid="tree-add">
          {t('add')}
        </button>
      </form>
      <DeletedItemUndo />
      <SessionVoteSlot
        sessionId={session.id}
        kind={session.kind}
        participantId={participantId}
        filter={(i) => i.treeGroupId === group.id}
      />
      <section aria-labelledby="tree-items-title">
        <h3 id="tree-items-title">{t('itemsOf')}</h3>
        {items.length === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <ul className="tree-items" data-testid="tree-items">
            {items.map((i) => (
              <li key={i.id} className="tree-item" data-testid="tree-item" data-zone={i.zone}>
                <span className="tree-item__zone">{localise(TREE_ZONE_INFO[i.zone].name, lang)}</span>
                <span className="tree-item__text">{i.text}</span>
                {i.authorId === participantId && (
                  <select
                    className="input input--small"
                    aria-label={t('moveTo', { text: i.text })}
                    value={i.zone}
                    disabled={locked}
                    onChange={(e) => patchTreeItem(i.id, { zone: e.target.value })}
                    data-testid="tree-item-zone"
                  >
                    {TREE_ZONES.map((z) => (
                      <option key={z} value={z}>
                        {localise(TREE_ZONE_INFO[z].name, lang)}
                      </option>
                    ))}
                  </select>
                )}
                {i.authorId === participantId && <OwnItemActions item={i} locked={locked} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <TreeSvg
        title={t('treeOf', { name: group.name })}
        items={items.filter((i) => !i.hidden)}
        moreLabel={(count) => t('more', { count })}
      />
    </div>
  );
}
