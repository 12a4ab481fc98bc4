/** Message templates: variables and plural forms, without React (client/i18n/i18n.ts uses it). */
const pluralRules: Partial<Record<'nl' | 'en', Intl.PluralRules>> = {};
const pluralOf = (lang: 'nl' | 'en', n: number) => (pluralRules[lang] ??= new Intl.PluralRules(lang)).select(n);

/**
 * Fills a template: `{name}` is replaced by a variable, and `{count|# stip|# stippen}` picks the singular or plural
 * form by the language's plural rule for that number (`#` is the number), so "1 stip" and "3 stippen" come from one
 * string.
 */
export function fill(lang: 'nl' | 'en', template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      if (!(name in vars)) return whole;
      const n = Number(vars[name]);
      return (pluralOf(lang, n) === 'one' ? one : other).replace(/#/g, String(vars[name]));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
