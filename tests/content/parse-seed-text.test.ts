import { decodeHTMLStrict } from 'entities';
import { describe, expect, it } from 'vitest';
import { NO_DATE_WARNING, parseSeedText, titleFromLede } from '../../src/content/parse-seed-text.ts';
import { DATE_FORMS, bbcFiles, bbcText, seedText } from './real-text.ts';

describe('seed 000: date prefix, no headline, photo credits', () => {
  const text = seedText('000_c7242acd748ee215.txt');
  const seed = parseSeedText(text);

  it('takes the date from the inline prefix and keeps the prefix out of the body', () => {
    expect(seed.date).toBe('2024-01-30');
    expect(seed.dateOrigin).toBe('inline-prefix');
    expect(seed.paragraphs.join('\n')).not.toMatch(/date 2024-01-30|2024-01-30/);
    expect(seed.paragraphs[0]).toMatch(/^The Kremlin spokesperson Dmitry Peskov/);
    expect(seed.warnings).toEqual([]);
  });

  it('derives a readable title from the lede, cut at a word boundary', () => {
    expect(seed.titleOrigin).toBe('lede');
    expect(seed.title.endsWith('…')).toBe(true);
    const stem = seed.title.slice(0, -1);
    expect(stem.length).toBeGreaterThan(30);
    expect(stem.length).toBeLessThanOrEqual(90);
    expect(seed.paragraphs[0]?.startsWith(stem)).toBe(true);
    // The cut falls between words, and not inside the name "United States".
    expect(seed.paragraphs[0]?.charAt(stem.length)).toMatch(/[\s,]/);
    expect(stem).not.toMatch(/\b(the|by|of|United)$/);
  });

  it('moves the AP photo credits out of the body into credits', () => {
    expect(seed.credits).toEqual(['AP Photo/ Maya Alleruzzo', 'AP Photo/Fatima Shbair']);
    expect(seed.paragraphs.some((p) => p.includes('AP Photo'))).toBe(false);
    expect(seed.removed.filter((r) => r.kind === 'photo-credit').map((r) => r.text)).toEqual(seed.credits);
    expect(seed.paragraphs).toHaveLength(7);
  });

  it('names no source, section, byline or dateline it was not given', () => {
    expect([seed.source, seed.sourceOrigin, seed.section, seed.byline, seed.dateline]).toEqual([null, 'none', null, null, null]);
  });
});

describe('seed 000 with a mistyped date prefix', () => {
  // Before, "date 2024-13-30" was no prefix: it opened the lede, and so the title, and only "no date found" was said.
  const seed = parseSeedText(seedText('000_c7242acd748ee215.txt').replace('date 2024-01-30', 'date 2024-13-30'));

  it('keeps the line out of the text and the title, and says why the article has no date', () => {
    expect(seed.date).toBeNull();
    expect(seed.paragraphs[0]).toMatch(/^The Kremlin spokesperson Dmitry Peskov/);
    expect(seed.title).toMatch(/^The Kremlin spokesperson/);
    expect(seed.removed).toContainEqual({ kind: 'date-prefix', text: 'date 2024-13-30' });
    expect(seed.warnings).toEqual(['the date line "date 2024-13-30" names a day the calendar does not have: not used', NO_DATE_WARNING]);
  });
});

describe('seed 001: no date, Moscow Times appeal, agency credit', () => {
  const seed = parseSeedText(seedText('001_63d6e588ad32ed8a.txt'));

  it('finds no date (the "Jan. 16" in the body has no year) and warns', () => {
    expect(seed.date).toBeNull();
    expect(seed.dateOrigin).toBe('none');
    expect(seed.warnings).toContain(NO_DATE_WARNING);
  });

  it('takes the source from the "A Message from X:" block', () => {
    expect(seed.source).toBe('The Moscow Times');
    expect(seed.sourceOrigin).toBe('message-block');
  });

  it('keeps the appeal out of the body, whole, in removed', () => {
    const body = seed.paragraphs.join('\n');
    for (const phrase of ['A Message from', 'Dear readers', 'support us', 'Remind me later']) expect(body).not.toContain(phrase);
    const appeal = seed.removed.find((r) => r.kind === 'appeal');
    expect(appeal?.text.startsWith('A Message from The Moscow Times:')).toBe(true);
    expect(appeal?.text.endsWith('Remind me later.')).toBe(true);
    expect(seed.paragraphs.at(-1)).toMatch(/^President Vladimir Putin, who has remained largely silent/);
  });

  it('records "AFP contributed reporting." as a credit, not a paragraph', () => {
    expect(seed.credits).toEqual(['AFP contributed reporting.']);
    expect(seed.paragraphs).not.toContain('AFP contributed reporting.');
  });

  it('keeps one paragraph per line and titles from the lede', () => {
    expect(seed.paragraphs).toHaveLength(9);
    expect(seed.titleOrigin).toBe('lede');
    expect(seed.title).toMatch(/^The Kremlin said Thursday that it believes there is still room for negotiations/);
  });
});

describe('seed 003: section label, headline, source line, social footer', () => {
  const seed = parseSeedText(seedText('003_8d78b157a282ba9e.txt'));

  it('reads the section, headline and source from the header lines', () => {
    expect(seed.title).toBe('Russia distances itself from potential Iran-U.S. conflict despite strategic ties');
    expect(seed.titleOrigin).toBe('headline');
    expect(seed.section).toBe('Featured');
    expect(seed.source).toBe('DDM News');
    expect(seed.sourceOrigin).toBe('source-line');
    expect(seed.paragraphs[0]).toBe('Russia has officially declared that it will not provide military assistance to Iran if the United States launches an attack.');
  });

  it('drops the closing WhatsApp/Telegram footer from the body and keeps it in removed', () => {
    expect(seed.paragraphs.join('\n')).not.toMatch(/Whatsapp|Follow us on/);
    expect(seed.removed.map((r) => r.kind)).toEqual(['section-label', 'source-line', 'social-footer']);
    expect(seed.removed.at(-1)?.text).toMatch(/^For Diaspora Digital Media Updates click on Whatsapp, or Telegram\./);
    expect(seed.paragraphs.at(-1)).toMatch(/^For now, Moscow remains firm/);
  });

  it('has no date', () => {
    expect(seed.date).toBeNull();
    expect(seed.warnings).toEqual([NO_DATE_WARNING]);
  });
});

describe('BBC articles (headline, blank line, one paragraph per line)', () => {
  it('parses all 2,095: headline titles, no date, every paragraph kept, nothing removed', () => {
    const files = bbcFiles();
    expect(files).toHaveLength(2095);
    const problems: string[] = [];
    for (const file of files) {
      const lines = decodeHTMLStrict(bbcText(file)).split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const seed = parseSeedText(bbcText(file));
      if (seed.title !== lines[0] || seed.titleOrigin !== 'headline') problems.push(`${file}: title ${seed.title}`);
      if (seed.date !== null) problems.push(`${file}: date ${seed.date}`);
      if (seed.removed.length > 0) problems.push(`${file}: removed ${seed.removed[0]?.kind}`);
      if (seed.paragraphs.join('\n') !== lines.slice(1).join('\n').replace(/[^\S\n]+/g, ' ')) problems.push(`${file}: paragraphs differ`);
    }
    expect(problems).toEqual([]);
  });

  it('titles with the headline line and keeps every paragraph', () => {
    const text = bbcText('business/1m-payoff-for-former-shell-boss.txt');
    const seed = parseSeedText(text);
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(seed.title).toBe('$1m payoff for former Shell boss');
    expect(seed.titleOrigin).toBe('headline');
    expect(seed.paragraphs).toEqual(lines.slice(1).map((l) => l.trim()));
    expect(seed.removed).toEqual([]);
  });

  it('keeps an ellipsis headline ("Rivals of the £400 Apple...") as the headline', () => {
    const file = bbcFiles().find((f) => bbcText(f).startsWith('Rivals of the £400 Apple...'));
    expect(file).toBeDefined();
    const seed = parseSeedText(bbcText(file ?? ''));
    expect([seed.title, seed.titleOrigin]).toEqual(['Rivals of the £400 Apple...', 'headline']);
  });

  it('takes no date from an event the lede reports ("vanished ... on 1 February 1995")', () => {
    const seed = parseSeedText(bbcText('entertainment/ten-year-tragedy-of-missing-manic.txt'));
    expect(seed.paragraphs[0]).toContain('on 1 February 1995');
    expect(seed.date).toBeNull();
    expect(seed.warnings).toContain(NO_DATE_WARNING);
  });

  it('keeps a fixture header ("Ewood Park", "Tuesday, 1 March") as body, not as source and date', () => {
    const seed = parseSeedText(bbcText('sport/blackburn-v-burnley.txt'));
    expect(seed.title).toBe('Blackburn v Burnley');
    expect(seed.source).toBeNull();
    expect(seed.paragraphs.slice(0, 3)).toEqual(['Ewood Park', 'Tuesday, 1 March', '2000 GMT']);
    expect(seed.removed).toEqual([]);
  });

  it('keeps a nominee list line with a slash ("Life Begins/ Von Trapped") as body, not a photo credit', () => {
    const seed = parseSeedText(bbcText('entertainment/triple-triumph-for-little-britain.txt'));
    expect(seed.paragraphs).toContain('Caroline Quentin (Life Begins/ Von Trapped, ITV1)');
    expect(seed.credits).toEqual([]);
  });

  it('decodes HTML entities in the raw text once', () => {
    const seed = parseSeedText(bbcText('tech/gadgets-galore-on-show-at-fair.txt'));
    const body = seed.paragraphs.join('\n');
    expect(body).toContain('"It is for the risqué consumer,"');
    expect(body).not.toMatch(/&#\d+;/);
  });
});

describe('wire copy: datelines, bylines, ALL-CAPS headlines, header dates', () => {
  it('turns a Reuters dateline into fields; a dateline without a year gives no date', () => {
    const seed = parseSeedText(
      'Kremlin says Iran talks still possible\n\nMOSCOW, Jan 30 (Reuters) - The Kremlin said on Tuesday there was still room for talks between Iran and the United States.\n\nKremlin spokesman Dmitry Peskov told reporters that any use of force would only create chaos in the region.\n',
    );
    expect(seed.dateline).toBe('MOSCOW');
    expect(seed.source).toBe('Reuters');
    expect(seed.sourceOrigin).toBe('agency-credit');
    expect(seed.date).toBeNull();
    expect(seed.paragraphs[0]).toBe('The Kremlin said on Tuesday there was still room for talks between Iran and the United States.');
    expect(seed.removed).toEqual([{ kind: 'dateline', text: 'MOSCOW, Jan 30 (Reuters) -' }]);
  });

  it('takes the date from a dateline that gives its year', () => {
    const seed = parseSeedText(
      'BEIRUT, Lebanon, Jan. 30, 2024 (AP) — Israeli strikes hit southern Lebanon overnight, the state news agency said.\nResidents of border villages reported heavy damage.\n',
    );
    expect([seed.date, seed.dateOrigin, seed.dateline, seed.source]).toEqual(['2024-01-30', 'dateline', 'BEIRUT, Lebanon', 'AP']);
    expect(seed.paragraphs[0]).toBe('Israeli strikes hit southern Lebanon overnight, the state news agency said.');
    expect(seed.titleOrigin).toBe('lede');
  });

  it('shows an ALL-CAPS wire headline in readable case', () => {
    const seed = parseSeedText(
      'RUSSIA SAYS NO MILITARY AID TO IRAN IF U.S. STRIKES\n\nMOSCOW (Reuters) - Russia will not give Iran military help if the United States attacks, a deputy foreign minister told parliament on Wednesday.\n',
    );
    expect(seed.title).toBe('Russia Says No Military Aid to Iran If U.S. Strikes');
    expect(seed.titleOrigin).toBe('headline');
    expect(seed.dateline).toBe('MOSCOW');
  });

  it('reads a Reuters-21578-style story: ALL-CAPS title, dateline, wrapped lines with indented paragraphs, "Reuter" sign-off and &#3;', () => {
    const seed = parseSeedText(
      [
        'BAHIA COCOA REVIEW',
        '',
        'SALVADOR, Feb 26 - Showers continued throughout the week in',
        'the Bahia cocoa zone, alleviating the drought since early',
        'January and improving prospects for the coming temporao,',
        'although normal humidity levels have not been restored,',
        'Comissaria Smith said in its weekly review.',
        '    The dry period means the temporao will be late this year.',
        '    Arrivals for the week ended February 22 were 155,221 bags',
        'of 60 kilos making a cumulative total for the season of 5.93',
        'mln against 5.81 at the same stage last year.',
        ' Reuter',
        '&#3;',
      ].join('\n'),
    );
    expect([seed.title, seed.dateline, seed.date, seed.source, seed.sourceOrigin]).toEqual(['Bahia Cocoa Review', 'SALVADOR', null, 'Reuter', 'agency-credit']);
    expect(seed.paragraphs).toEqual([
      'Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving prospects for the coming temporao, although normal humidity levels have not been restored, Comissaria Smith said in its weekly review.',
      'The dry period means the temporao will be late this year.',
      'Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the season of 5.93 mln against 5.81 at the same stage last year.',
    ]);
    expect(seed.credits).toEqual(['Reuter']);
  });

  it('reads a CNN-style "(CNN) --" opening as the source', () => {
    const seed = parseSeedText('LONDON, England (CNN) -- British lawmakers voted on Wednesday to hold an inquiry into the country\'s role in the Iraq war.\nThe vote followed a day of heated debate.\n');
    expect([seed.dateline, seed.source, seed.sourceOrigin]).toEqual(['LONDON, England', 'CNN', 'agency-credit']);
    expect(seed.paragraphs[0]).toMatch(/^British lawmakers voted/);
  });

  it('reads a byline and a publication date line under the headline', () => {
    const seed = parseSeedText(
      'Kremlin rules out defence pact with Tehran\nBy Jane Doe, Moscow correspondent\nPublished January 30, 2024 10:15 GMT\n\nRussia is not obliged to come to Iran’s defence, Deputy Foreign Minister Andrey Rudenko told lawmakers on Tuesday.\n',
    );
    expect([seed.title, seed.byline, seed.date, seed.dateOrigin]).toEqual(['Kremlin rules out defence pact with Tehran', 'Jane Doe', '2024-01-30', 'header']);
    expect(seed.removed.map((r) => r.kind)).toEqual(['byline', 'header-date']);
    expect(seed.paragraphs).toHaveLength(1);
  });

  it('keeps a standfirst between headline and byline as the first paragraph, and reads "Name in Place" as a byline', () => {
    const seed = parseSeedText(
      'Russia will not defend Iran, says deputy minister\nMoscow has no obligation to send troops if the US strikes, Andrey Rudenko tells the Duma.\nPjotr Sauer in Moscow\nTue 30 Jan 2024 10.15 GMT\n\nRussia will not provide military help to Iran if it is attacked, a deputy foreign minister has said.\n',
    );
    expect([seed.title, seed.byline, seed.date, seed.source]).toEqual(['Russia will not defend Iran, says deputy minister', 'Pjotr Sauer', '2024-01-30', null]);
    expect(seed.paragraphs).toEqual([
      'Moscow has no obligation to send troops if the US strikes, Andrey Rudenko tells the Duma.',
      'Russia will not provide military help to Iran if it is attacked, a deputy foreign minister has said.',
    ]);
  });

  it('reads a one-word label above the lede as the section, not the headline', () => {
    const seed = parseSeedText('Opinion\n\nRussia’s refusal to back Tehran shows how little its partnerships are worth when the shooting starts.\nMoscow has said so plainly.\n');
    expect([seed.section, seed.titleOrigin]).toEqual(['Opinion', 'lede']);
    expect(seed.title).toMatch(/^Russia’s refusal to back Tehran/);
  });

  it('reads a "Name in Place" first line as the headline, not as a byline or a label', () => {
    const seed = parseSeedText('Putin in Beijing\nRussian leader meets Xi as trade grows\n\nVladimir Putin arrived in Beijing on Thursday for two days of talks with Xi Jinping.\n');
    expect([seed.title, seed.titleOrigin, seed.byline, seed.section]).toEqual(['Putin in Beijing', 'headline', null, null]);
  });

  it.each([...DATE_FORMS, 'Updated: Tuesday 30 January 2024 14.05 GMT', 'By Jane Doe | Published Jan. 30, 2024'])('reads the header date %j', (line) => {
    const seed = parseSeedText(`Oil prices slip as Gulf tensions ease\n${line}\n\nBrent crude fell 2% on Tuesday as traders bet that tensions in the Gulf would not disrupt supplies.\n`);
    expect(seed.date).toBe('2024-01-30');
    expect(seed.dateOrigin).toBe('header');
    expect(seed.paragraphs).toEqual(['Brent crude fell 2% on Tuesday as traders bet that tensions in the Gulf would not disrupt supplies.']);
  });

  it('ignores a header date without a year, with a warning', () => {
    const seed = parseSeedText('Oil prices slip as Gulf tensions ease\nTuesday, 30 January\n\nBrent crude fell 2% on Tuesday as traders bet that tensions in the Gulf would not disrupt supplies.\n');
    expect(seed.date).toBeNull();
    expect(seed.warnings).toEqual(['the header date "Tuesday, 30 January" gives no year: not used', NO_DATE_WARNING]);
  });

  it('takes a date the lede states early, with its year, as the date', () => {
    const seed = parseSeedText('Kremlin urges restraint\n\nOn Jan. 30, 2024, the Kremlin urged Washington and Tehran to take steps to de-escalate after a drone attack in Jordan.\n');
    expect([seed.date, seed.dateOrigin]).toEqual(['2024-01-30', 'lede']);
    expect(seed.paragraphs[0]).toMatch(/^On Jan\. 30, 2024, the Kremlin urged/);
  });

  it('never takes the build day or a relative day as the date', () => {
    const seed = parseSeedText('Markets rally\n\nShares rose today and yesterday, and analysts expect more gains tomorrow.\n');
    expect(seed.date).toBeNull();
  });
});

describe('hard-wrapped text', () => {
  const wrapped = [
    'Gulf shipping insurers raise premiums',
    '',
    'Insurers have raised war-risk premiums for tankers crossing the',
    'Gulf for the second time this month, brokers said on Tuesday, as',
    'fears of a wider conflict kept shipowners on edge.',
    '',
    'Premiums for a single voyage now stand at about 0.5% of a',
    'vessel\'s value, up from 0.2% in early January, according to two',
    'London brokers who asked not to be named.',
    '',
    'Some owners have already told charterers they will avoid the',
    'Strait of Hormuz until the situation becomes clearer.',
  ].join('\n');

  it('reflows ~65-column lines into paragraphs split by blank lines', () => {
    const seed = parseSeedText(wrapped);
    expect(seed.title).toBe('Gulf shipping insurers raise premiums');
    expect(seed.paragraphs).toEqual([
      'Insurers have raised war-risk premiums for tankers crossing the Gulf for the second time this month, brokers said on Tuesday, as fears of a wider conflict kept shipowners on edge.',
      "Premiums for a single voyage now stand at about 0.5% of a vessel's value, up from 0.2% in early January, according to two London brokers who asked not to be named.",
      'Some owners have already told charterers they will avoid the Strait of Hormuz until the situation becomes clearer.',
    ]);
  });

  it('reflows paragraphs marked by indentation, with no blank lines', () => {
    const seed = parseSeedText(wrapped.split('\n').filter((l) => l !== '').map((l, i) => ([1, 4, 7].includes(i) ? `    ${l}` : l)).join('\n'));
    expect(seed.title).toBe('Gulf shipping insurers raise premiums');
    expect(seed.paragraphs).toHaveLength(3);
    expect(seed.paragraphs[2]).toBe('Some owners have already told charterers they will avoid the Strait of Hormuz until the situation becomes clearer.');
  });

  it('does not take a wrapped first line for a headline', () => {
    const seed = parseSeedText(wrapped.split('\n').slice(2).join('\n'));
    expect(seed.titleOrigin).toBe('lede');
    expect(seed.paragraphs[0]).toMatch(/^Insurers have raised war-risk premiums for tankers crossing the Gulf for/);
  });
});

describe('boilerplate and credits by pattern', () => {
  const story = 'Tehran says talks with Washington possible\n\nIran’s foreign minister said on Monday that indirect talks with the United States remained possible if sanctions were eased.\n\n';

  it('moves photo credits in their usual shapes into credits', () => {
    const seed = parseSeedText(`${story}Photo: Atta Kenare/AFP via Getty Images\n\n(Reuters/Majid Asgaripour)\n\nDemonstrators gather outside the foreign ministry in Tehran. (AP Photo/Vahid Salemi)\n\nThe minister spoke after meeting his Omani counterpart.\n`);
    expect(seed.credits).toEqual(['Photo: Atta Kenare/AFP via Getty Images', 'Reuters/Majid Asgaripour', 'AP Photo/Vahid Salemi']);
    expect(seed.paragraphs).toContain('Demonstrators gather outside the foreign ministry in Tehran.');
    expect(seed.paragraphs.join('\n')).not.toMatch(/Getty|Asgaripour|Salemi/);
  });

  it('removes newsletter prompts, social footers and "Dear readers" appeals, keeping them in removed', () => {
    const seed = parseSeedText(
      `${story}Sign up for our daily briefing to get the top stories in your inbox.\n\nThe minister spoke after meeting his Omani counterpart.\n\nDear readers,\n\nIndependent reporting from the region costs money. Please support us with a monthly donation.\n\nMaybe later\n\nFollow us on Twitter, Facebook and Instagram.\n`,
    );
    expect(seed.paragraphs).toEqual([
      'Iran’s foreign minister said on Monday that indirect talks with the United States remained possible if sanctions were eased.',
      'The minister spoke after meeting his Omani counterpart.',
    ]);
    expect(seed.removed.map((r) => r.kind)).toEqual(['newsletter', 'appeal', 'social-footer']);
    expect(seed.removed[1]?.text).toBe('Dear readers,\nIndependent reporting from the region costs money. Please support us with a monthly donation.\nMaybe later');
  });

  it('keeps a column that opens "Dear readers," with no appeal button after it', () => {
    const seed = parseSeedText(`Letter from Moscow\n\nDear readers, this week we travelled to Kazan to ask how sanctions have changed daily life.\n\nPrices for imported cars have doubled since 2022, dealers told us.\n\nMost families we met said they now holiday in Russia.\n`);
    expect(seed.paragraphs).toHaveLength(3);
    expect(seed.removed).toEqual([]);
  });

  it('keeps a news paragraph that merely mentions Facebook or subscriptions when news follows it', () => {
    const mention = 'Facebook said it would join other platforms in removing the accounts, and subscribers would be told by email.';
    const seed = parseSeedText(`${story}${mention}\n\nThe minister spoke after meeting his Omani counterpart.\n`);
    expect(seed.paragraphs).toContain(mention);
    expect(seed.removed).toEqual([]);
  });

  it('takes the source from a "Source:" line and keeps credits from Reuters-style footers', () => {
    const seed = parseSeedText(`${story}Reporting by Parisa Hafezi; Editing by Alex Richardson\n\nSource: Reuters\n`);
    expect([seed.source, seed.sourceOrigin]).toEqual(['Reuters', 'source-line']);
    expect(seed.credits).toEqual(['Reporting by Parisa Hafezi; Editing by Alex Richardson']);
  });

  it('names the agency of a "(Reuters) -" opening or a "— AFP" sign-off as the source', () => {
    const opening = parseSeedText('(Reuters) - Oil prices fell on Tuesday as traders weighed the risk of supply disruption in the Gulf.\nBrent crude settled 2% lower.\n');
    expect([opening.source, opening.sourceOrigin, opening.dateline]).toEqual(['Reuters', 'agency-credit', null]);
    expect(opening.paragraphs[0]).toBe('Oil prices fell on Tuesday as traders weighed the risk of supply disruption in the Gulf.');
    const signOff = parseSeedText(`${story}The minister spoke after meeting his Omani counterpart.\n\n— AFP\n`);
    expect([signOff.source, signOff.sourceOrigin, signOff.credits]).toEqual(['AFP', 'agency-credit', ['AFP']]);
  });

  it('takes page furniture out: a pasted URL, buttons, image sources, copyright and AP contributor lines', () => {
    const seed = parseSeedText(
      `https://www.example.com/world/2024/01/30/iran-talks\n${story}Share\n\nImage source, Getty Images\n\nThe minister spoke after meeting his Omani counterpart.\n\nAssociated Press writer Jon Gambrell in Dubai contributed to this report.\n\nCopyright 2024 The Associated Press. All rights reserved.\n`,
    );
    expect(seed.title).toBe('Tehran says talks with Washington possible');
    expect(seed.paragraphs).toEqual([
      'Iran’s foreign minister said on Monday that indirect talks with the United States remained possible if sanctions were eased.',
      'The minister spoke after meeting his Omani counterpart.',
    ]);
    expect(seed.removed.map((r) => r.kind)).toEqual(['source-line', 'social-footer', 'photo-credit', 'agency-credit', 'copyright']);
    expect(seed.credits).toEqual(['Image source, Getty Images', 'Associated Press writer Jon Gambrell in Dubai contributed to this report.']);
    expect(seed.source).toBeNull();
  });

  it('decodes entities once: &amp;lt; stays a literal &lt;', () => {
    const seed = parseSeedText('AT&amp;T and T&#8209;Mobile shares slip\n\nAT&amp;T said profit fell &lt;5% in the quarter, and the company&#8217;s shares dipped; the filing used &amp;lt; for less-than.\n');
    expect(seed.title).toBe('AT&T and T\u2011Mobile shares slip');
    expect(seed.paragraphs[0]).toBe('AT&T said profit fell <5% in the quarter, and the company’s shares dipped; the filing used &lt; for less-than.');
  });
});

describe('titleFromLede', () => {
  it('returns a short first sentence whole, without its full stop', () => {
    expect(titleFromLede('Shell is to pay $1m to its ex-finance chief. She left in April 2004.')).toBe('Shell is to pay $1m to its ex-finance chief');
  });

  it('does not end the first sentence at "U.S." or "Mr."', () => {
    expect(titleFromLede('The U.S. Defense Secretary met Mr. Peskov. Then he left.')).toBe('The U.S. Defense Secretary met Mr. Peskov');
  });

  it('cuts a long sentence at a word boundary, never inside a name or after "the"', () => {
    const title = titleFromLede('Officials in Washington said on Monday that the retaliation would likely begin within days against targets chosen by the United States Central Command.');
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    expect(title).not.toMatch(/\b(the|by|United)…$/);
  });
});

describe('robustness on very large input', () => {
  const paragraphs = bbcFiles().slice(0, 400).flatMap((f) => bbcText(f).split('\n').slice(1).filter((l) => l.trim() !== ''));

  it('parses a 1 MB single line as one paragraph', () => {
    let line = '';
    for (let i = 0; line.length < 1_000_000; i += 1) line += `${paragraphs[i % paragraphs.length]} `;
    const seed = parseSeedText(line);
    expect(seed.paragraphs).toHaveLength(1);
    expect(seed.titleOrigin).toBe('lede');
    expect(seed.title.length).toBeLessThanOrEqual(91);
  });

  it('parses a 20 MB article of real paragraphs without losing any', () => {
    const chunks: string[] = ['Twenty megabytes of BBC paragraphs'];
    let size = 0;
    for (let i = 0; size < 20_000_000; i += 1) {
      const p = paragraphs[i % paragraphs.length] ?? '';
      chunks.push(p);
      size += p.length + 2;
    }
    const seed = parseSeedText(chunks.join('\n\n'));
    expect(seed.title).toBe('Twenty megabytes of BBC paragraphs');
    expect(seed.paragraphs).toHaveLength(chunks.length - 1);
  });

  it('parses lines built to make naive regexes backtrack', () => {
    const seed = parseSeedText(`${'A '.repeat(200_000)}\n${'('.repeat(100_000)}\n${'MOSCOW, '.repeat(50_000)}- x\n${'-'.repeat(300_000)}\n`);
    expect(seed.paragraphs.length).toBeGreaterThan(0);
  });
});
