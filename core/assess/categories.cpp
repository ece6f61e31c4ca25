#include "assess/categories.h"

namespace jianfu::assess {

const std::vector<Category>& categories() {
  static const std::vector<Category> all = {
      {"DOC_LENGTH", "篇幅超出规定字数"},
      {"DOC_COPY", "照搬照抄上级文件，重复率过高"},
      {"DOC_DEMAND_SUPPORTING", "要求下级制定配套文件/实施方案，或报送贯彻落实情况"},
      {"DOC_DIRECTIVE", "部门或议事协调机构向下级党委政府发指令性公文"},
      {"DOC_FORWARD", "层层转发、重复发文、多文合一规避数量管理"},
      {"DOC_URGENT", "非紧急事项标注急件，或急件时限脱离实际"},
      {"DOC_CONSULT_RUSH", "征求意见、报送材料时限过急（当日、下班前、周末、1–2个工作日）"},
      {"MTG_OVERNIGHT", "刻意要求\"传达不过夜\""},
      {"MTG_SCOPE", "扩大参会范围层级、层层陪会、视频会延伸到乡村"},
      {"MTG_PRINCIPALS", "不当要求下级主要负责同志参会"},
      {"MTG_LENGTH", "讲话或会期超时"},
      {"MTG_FREQ", "会议超计划、综合性会议一年多次"},
      {"INSP_UNFILED", "督检考未列计划、未报备，或打包报计划执行搞拆分"},
      {"INSP_TRACE", "以开会发文、拍照留痕、学习笔记、领导批示、媒体刊发、截图视频评判工作"},
      {"INSP_RANKING", "千分制、按月/季排名通报"},
      {"INSP_SEPARATE", "部门单独考核县乡村，未并入统一考核"},
      {"INSP_BURDEN", "要求准备汇报材料/台账/PPT、陪同、见主要负责同志"},
      {"INSP_DISGUISED", "以调研、业务指导、统计等名义变相督检考"},
      {"INSP_QUIET", "企业安静期内对企业检查（地方规定）"},
      {"RES_CLUSTER", "调研扎堆、重复调研"},
      {"RES_ESCORT", "层层陪同、要求主要负责同志接待"},
      {"APP_FORCED", "强制下载注册、考核安装使用率、强制登录"},
      {"APP_CHECKIN", "打卡签到、积分排名、在线时长、点赞转发量考评"},
      {"APP_DUPLICATE", "面向基层的政务APP超过一个、功能重复、县以下自建APP"},
      {"GROUP_ABUSE", "工作群打卡接龙、即时响应、非工作时间派活"},
      {"DATA_REPEAT", "一表通外体外循环、重复报送、随意向基层要数据"},
      {"ACT_UNLISTED", "清单外创建示范/评比表彰/达标/节庆，或主办主体无权开展"},
      {"ACT_FEES", "向对象收费、摊派、拉赞助"},
      {"VETO_PLEDGE", "随意设置一票否决、签订责任状/承诺书"},
      {"QUOTA", "摊派指标（点赞、保险、报刊、注册量等）、层层加码"},
      {"DUTY_SHIFT", "以属地管理名义转嫁责任，压给乡村执法、拆迁、招商、安全生产等"},
      {"SECONDMENT", "从县及以下借调、变相借调、超期、未备案"},
      {"SCHOOL_TASK", "社会事务进校园未入白名单、超次数、要求\"有课程有教材有课时\""},
      {"HOSPITAL_TASK", "非医疗任务进医院"},
  };
  return all;
}

std::string category_label(const std::string& code) {
  for (const Category& c : categories())
    if (code == c.code) return c.label;
  return code;
}

bool is_category(const std::string& code) {
  for (const Category& c : categories())
    if (code == c.code) return true;
  return false;
}

}  // namespace jianfu::assess
