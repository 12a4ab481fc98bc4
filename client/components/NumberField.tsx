/** A small labelled number input, as the console's settings use it (rounds, minutes, picks, dots, group size). */
export function NumberField(props: {
  label: string;
  value: string | number;
  onChange: (raw: string) => void;
  min?: number;
  max?: number;
  id?: string;
  testId?: string;
}) {
  return (
    <label className="field--inline">
      {props.label}{' '}
      <input
        id={props.id}
        className="input input--small"
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
