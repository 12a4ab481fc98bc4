import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** An SVG QR code of `value`, drawn dark on white so every phone camera reads it. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(value, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
      color: { dark: '#000000', light: '#ffffff' },
    })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [value]);
  if (!svg) return null;
  // The SVG comes from the qrcode library, not from user input, so injecting it is safe.
  return (
    <div className="qr" role="img" aria-label={label} data-testid="join-qr" dangerouslySetInnerHTML={{ __html: svg }} />
  );
}
