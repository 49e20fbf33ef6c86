import { PDFParse } from 'pdf-parse';

/** The text of a PDF (every page), to check what a printed worksheet says. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
