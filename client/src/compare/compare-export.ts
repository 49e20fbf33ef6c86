import type { Comparison } from '@hotline-sim/shared';

/** The comparison as CSV (one row per KPI; numbers unformatted so a spreadsheet reads them). */
export function comparisonCsv(c: Comparison): string {
  const head = ['kpi', 'a', 'b', 'difference', 'ci95_low', 'ci95_high', 'relative_difference', 'significant'];
  const rows = c.rows.map((r) =>
    [r.kpi, r.a, r.b, r.difference, r.ci95[0], r.ci95[1], r.relativeDifference ?? '', r.significant].join(
      ',',
    ),
  );
  const meta = `# a=${csvField(c.a)} b=${csvField(c.b)} replications=${c.replications} seed=${c.seed}`;
  return [meta, head.join(','), ...rows].join('\n') + '\n';
}

function csvField(s: string): string {
  return /[",\n#=]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Let the browser save `blob` as `name`. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * An SVG chart as a PNG (twice its size, on the page's background): the SVG is drawn into a canvas
 * through an image, with `currentColor` resolved to the colour it has on the page.
 */
export function svgPng(svg: SVGSVGElement): Promise<Blob | null> {
  const style = getComputedStyle(svg);
  const { width, height } = svg.viewBox.baseVal;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.color = style.color;
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  const background = getComputedStyle(document.body).backgroundColor;
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return resolve(null);
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(resolve, 'image/png');
    };
    img.onerror = () => resolve(null);
    img.src = url;
  });
}
