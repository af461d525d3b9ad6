import { describe, expect, it } from 'vitest';
import { prepareMaterialBody, scriptTimingLine, spokenDuration } from '#shared/content/material-body.ts';
import { countWords, readingSeconds, scriptSections } from '#shared/text/reading-time.ts';
import { spokenAddress, writtenAddress } from '#shared/text/spoken-address.ts';

describe('the portal address read out on the loudspeaker', () => {
  it('reads a known word as a word and spells the rest with the letter names of Vietnamese radio', () => {
    expect(spokenAddress('https://pcmt.nghean.gov.vn')).toBe('pê-xê-em-tê chấm nghệ an chấm gờ-âu-vê chấm vê-en');
  });

  it('leaves out the scheme and "www.", reads digits one by one, a hyphen and a port aloud', () => {
    expect(spokenAddress('https://www.ma-tuy24.vn')).toBe('em-a gạch ngang tê-u-i dài hai bốn chấm vê-en');
    expect(spokenAddress('http://localhost:4321')).toBe('e-lờ-âu-xê-a-e-lờ-hát-âu-ét-tê hai chấm bốn ba hai một');
    expect(writtenAddress('https://www.pcmt.nghean.gov.vn')).toBe('pcmt.nghean.gov.vn');
  });
});

describe('reading time of a script', () => {
  it('counts spoken words: syllables between spaces, spelled letters and number parts one each, no marks', () => {
    expect(countWords('**Kính thưa** bà con — xin chào!')).toBe(6);
    expect(countWords('gờ-âu-vê chấm vê-en')).toBe(6);
    expect(countWords('Nghị quyết 173/2024/QH15')).toBe(5);
  });

  it('rounds to 5 seconds at the given pace', () => {
    expect(readingSeconds(120, 120)).toBe(60);
    expect(readingSeconds(250, 120)).toBe(125);
    expect(readingSeconds(1, 120)).toBe(5);
    expect(spokenDuration(125)).toBe('2 phút 5 giây');
    expect(spokenDuration(50)).toBe('50 giây');
    expect(spokenDuration(120)).toBe('2 phút');
  });

  it('counts each ## section without its heading, stage notes in italics or the text before the first script', () => {
    const sections = scriptSections('Đọc chậm, rõ.\n\n## Bài 1. Ma túy\n\n*Giờ phát: 6 giờ.*\n\nKính thưa bà con!\n\n## Bài 2\n\nXin cảm ơn bà con.');
    expect(sections).toEqual([
      { heading: 'Bài 1. Ma túy', words: 4 },
      { heading: 'Bài 2', words: 5 },
    ]);
  });
});

describe('a material body before rendering', () => {
  const body = 'Đọc chậm.\n\n## Bài 1\n\nTruy cập {{portalAddress}}. Xin nhắc lại: {{portalAddress}}.\n\n## Bài 2\n\nXin cảm ơn bà con.';

  it('fills in the spoken address and puts each script’s reading time under its heading', () => {
    const spoken = 'pê-xê-em-tê chấm nghệ an chấm gờ-âu-vê chấm vê-en';
    const words = countWords(`Truy cập ${spoken}. Xin nhắc lại: ${spoken}.`);
    expect(prepareMaterialBody(body, { origin: 'https://pcmt.nghean.gov.vn', loudspeaker: true })).toBe(
      `Đọc chậm.\n\n## Bài 1\n\n*${scriptTimingLine(words)}*\n\nTruy cập ${spoken}. Xin nhắc lại: ${spoken}.\n\n## Bài 2\n\n*${scriptTimingLine(5)}*\n\nXin cảm ơn bà con.`,
    );
    expect(scriptTimingLine(36)).toBe('Thời lượng đọc: khoảng 20 giây (36 từ, đọc 120 từ/phút).');
  });

  it('adds no reading time to a material that is not a loudspeaker script', () => {
    expect(prepareMaterialBody(body, { origin: 'https://pcmt.nghean.gov.vn', loudspeaker: false })).not.toContain('Thời lượng đọc');
  });
});
