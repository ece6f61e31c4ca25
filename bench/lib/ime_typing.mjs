// Typing Chinese the way an official does it, through a pinyin input method: a word of two to four
// characters is spelled in letters (the composition shown under the caret grows with each one),
// the word is picked from the candidates and committed, and the typist looks at the screen for a
// moment before the next word. Those moments are longer than the app's check delay (150 ms,
// ui/assess_screen.cpp), so the draft is checked again and the findings redrawn while typing,
// which typing a key every 40 ms never does.
// Driven through the DevTools protocol, as the browser test of the IME is (tests/browser/app.test.mjs).

// Letters spelled per character: pinyin syllables are two to six letters, three on average.
const LETTERS_PER_CHAR = 3;
const WORD_SIZES = [2, 3, 2, 4];  // characters per committed word, in turn

// Splits text into the words an IME would commit, two to four characters each.
export function imeWords(text) {
  const chars = [...text];
  const words = [];
  for (let i = 0, k = 0; i < chars.length; k++) {
    const n = WORD_SIZES[k % WORD_SIZES.length];
    words.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return words;
}

// Types `text` into the focused field. letterMs: between letters of the spelling; pickMs: from the
// last letter to the commit (choosing the candidate); thinkMs: after the commit.
export async function imeType(page, cdp, text, { letterMs = 90, pickMs = 200, thinkMs = 400 } = {}) {
  for (const word of imeWords(text)) {
    const spelling = 'xiang'.repeat(Math.ceil(([...word].length * LETTERS_PER_CHAR) / 5))
      .slice(0, [...word].length * LETTERS_PER_CHAR);
    for (let n = 1; n <= spelling.length; n++) {
      const shown = spelling.slice(0, n);
      await cdp.send('Input.imeSetComposition', { text: shown, selectionStart: n, selectionEnd: n });
      await page.waitForTimeout(letterMs);
    }
    await page.waitForTimeout(pickMs);
    await cdp.send('Input.insertText', { text: word });
    await page.waitForTimeout(thinkMs);
  }
}
