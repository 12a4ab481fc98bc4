import { afterEach, describe, expect, it } from 'vitest';
import '../../client/i18n/staff';
import { setLang, t, useLangStore } from '../../client/i18n/i18n';
import { commandErrorText } from '../../client/views/console/CommandError';
import { ERROR_CODES } from '../../shared/protocolCodes';

describe("the console's line for a refused command", () => {
  afterEach(() => useLangStore.setState({ lang: 'nl' }));

  it("says 'nothing to vote on' in its own words, in Dutch and in English, not the server's message", async () => {
    const refused = { type: 'vote.open', code: ERROR_CODES.nothingToVote, message: 'nothing to vote on in pitch' };
    expect(commandErrorText(t, refused)).toBe('Niet gelukt: In deze oefening is niets om met stippen op te stemmen.');
    setLang('en');
    await expect.poll(() => useLangStore.getState().lang).toBe('en');
    expect(commandErrorText(t, refused)).toBe('Did not work: There is nothing to vote on with dots in this exercise.');
  });

  it("shows the server's message for other refusals", () => {
    const refused = { type: 'group.remove', code: 'conflict', message: 'group still has participants' };
    expect(commandErrorText(t, refused)).toBe('Niet gelukt: group still has participants');
  });
});
