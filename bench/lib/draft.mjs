// The draft the browser benches type into: a notice with typical problems (rushed deadline,
// ranking, 留痕, 一票否决), repeated to 4,000 characters.
import { click } from '../../tests/browser/lib/harness.mjs';

const PARAGRAPH = '各乡镇人民政府：为推进农村人居环境整治，决定开展专项督查。请各乡镇结合实际制定具体实施方案，' +
  '于今天下班前报送贯彻落实情况。督查实行千分制考核，每月对各乡镇进行排名通报，并将拍照留痕情况纳入考核指标。' +
  '对工作不力的乡镇实行一票否决。检查中不得要求基层准备汇报材料，不搞层层陪同。\n';

export function draft4000() {
  let draft = '';
  while ([...draft].length < 4000) draft += PARAGRAPH;
  return [...draft].slice(0, 4000).join('');
}

// Opens a 发文 assessment and puts the draft in its editor.
export async function openDraft(page) {
  await click(page, '##发文');
  await page.evaluate((t) => Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', t]), draft4000());
}

// Stores `count` assessments of the 4,000-character draft (each numbered), saved as the app saves
// them, as a user's browser holds them after months of use; resolves once they are copied to IndexedDB.
export async function storeRecords(page, count) {
  if (!count) return;
  await page.evaluate(({ count, draft }) => {
    for (let i = 0; i < count; i++) {
      Module.ccall('jianfu_test_command', null, ['string'], ['{"start":"document"}']);
      Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['title', `第${i}号通知`]);
      Module.ccall('jianfu_test_set_field', null, ['string', 'string'], ['body', `（${i}）` + draft]);
      Module.ccall('jianfu_save_now', null, [], []);
    }
    Module.ccall('jianfu_test_command', null, ['string'], ['{"go":"home"}']);
    Module.jianfuPersist();
  }, { count, draft: draft4000() });
  await page.waitForFunction(() => Module.jianfuStorage.syncs > 0 && !Module.jianfuStorage.pending, null, { timeout: 120000 });
}
