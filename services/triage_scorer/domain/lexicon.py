"""Word lists the built-in conversation reader matches, in English and Chinese.

English entries are regular expressions matched on lower-cased text at word
boundaries; Chinese entries are regular expressions matched on the raw text.
"""

from services.triage_scorer.domain.case import ReasonCategory

_RELATIVE_EN = (
    r"(?:mother|father|mom|mum|dad|wife|husband|son|daughter|child|kid|parents?"
    r"|grandma|grandpa|grandmother|grandfather|brother|sister)"
)
_RELATIVE_ZH = (
    r"(?:母亲|父亲|妈妈?|爸爸?|老妈|老爸|老婆|妻子|老公|丈夫|孩子|儿子|女儿"
    r"|家人|老人|奶奶|爷爷|外婆|姥姥)"
)

REASONS_EN: dict[ReasonCategory, tuple[str, ...]] = {
    ReasonCategory.JOB_LOSS: (
        r"los[te]s? my job",
        r"losing my job",
        r"laid off",
        r"(?:got|was|been|were) (?:fired|sacked|let go)",
        r"unemployed",
        r"out of (?:work|a job)",
        r"no (?:job|work) (?:now|anymore|any more)",
        r"jobless",
        r"between jobs",
        r"(?:company|factory|boss) (?:let me go|fired me|cut my position)",
    ),
    ReasonCategory.ILLNESS: (
        r"(?:i'm|i am|was|been|got|fell) (?:very |really |seriously )?(?:sick|ill)",
        r"illness",
        r"in (?:the )?hospital",
        r"hospitali[sz]ed",
        r"surgery",
        r"cancer",
        r"medical bills?",
        r"diagnosed",
        r"injur(?:ed|y)",
        r"chemotherapy",
    ),
    ReasonCategory.BUSINESS_FAILURE: (
        r"business (?:has |had )?(?:failed|failing|went under|collapsed|closed"
        r"|folded|went bust|is losing money|lost money)",
        r"(?:shop|store|restaurant|factory|stall) (?:has |had )?(?:closed|shut down"
        r"|went under)",
        r"(?:closed|shut down) my (?:shop|store|restaurant|business|stall)",
        r"went bankrupt",
        r"bankruptcy",
    ),
    ReasonCategory.WAGES_UNPAID: (
        r"(?:haven't|hasn't|have not|has not|wasn't|weren't|not) been paid",
        r"(?:hasn't|haven't|didn't|doesn't|won't|has not|did not) (?:pay|paid) "
        r"(?:me|us|our|my)",
        r"(?:unpaid|late|delayed|withheld|owed) (?:wages|salary|pay)",
        r"(?:wages|salary|paycheck) (?:is |are |has been |have been |was |were )?"
        r"(?:late|delayed|withheld|unpaid|owed|held back)",
        r"owes? (?:me|us) (?:wages|salary|\w+ months)",
        r"(?:haven't|have not) (?:received|got|gotten) my (?:salary|wages|pay)",
    ),
    ReasonCategory.FAMILY_EMERGENCY: (
        r"family emergency",
        rf"my {_RELATIVE_EN} (?:is|was|got|had|has|needs|needed|passed|died)",
        r"passed away",
        r"funeral",
    ),
    ReasonCategory.OTHER: (
        r"(?:got |was |been )?scammed",
        r"defrauded",
        r"tuition",
        r"school fees",
        r"divorce",
        r"flood",
        r"house (?:burned|caught fire)",
        r"lost (?:money|everything) (?:in|on) (?:stocks|crypto|the stock market)",
        r"(?:got )?robbed",
        r"other (?:loans|debts)",
    ),
}

REASONS_ZH: dict[ReasonCategory, tuple[str, ...]] = {
    ReasonCategory.JOB_LOSS: (
        r"失业",
        r"丢了?工作",
        r"工作(?:丢了|没了)",
        r"被裁",
        r"裁员",
        r"辞退",
        r"开除",
        r"没(?:有)?工作",
        r"找不到工作",
        r"下岗",
    ),
    ReasonCategory.ILLNESS: (
        r"生病",
        r"病了",
        r"住院",
        r"手术",
        r"看病",
        r"癌",
        r"化疗",
        r"医药费",
        r"医疗费",
        r"受伤",
        r"身体不好",
        r"病倒",
    ),
    ReasonCategory.BUSINESS_FAILURE: (
        r"生意(?:失败|亏|不好|黄了|做不下去)",
        r"倒闭",
        r"(?:店|厂)(?:关了|倒了|停工)",
        r"关店",
        r"破产",
        r"亏本",
        r"停业",
    ),
    ReasonCategory.WAGES_UNPAID: (
        r"工资(?:没发|还没发|没到|还没到|被拖欠|拖了|一直拖)",
        r"没发工资",
        r"拖欠(?:工资|薪水)",
        r"欠薪",
        r"欠(?:我|我们)(?:的)?工资",
        r"拿不到工资",
        r"没领到工资",
        r"老板跑路",
    ),
    ReasonCategory.FAMILY_EMERGENCY: (
        rf"{_RELATIVE_ZH}[^，。！？,.!?]{{0,4}}(?:住院|生病|病了|出事|去世|过世|手术|车祸|急用)",
        r"家里(?:出了?事|有急事|急用钱)",
        r"丧事",
        r"葬礼",
    ),
    ReasonCategory.OTHER: (
        r"被骗",
        r"诈骗",
        r"学费",
        r"离婚",
        r"洪水",
        r"火灾",
        r"(?:股票|炒股|炒币)(?:亏|赔)",
        r"以贷养贷",
        r"别的(?:网贷|贷款)",
        r"被(?:偷|抢)",
    ),
}

NEGATORS_EN = frozenset(
    {"not", "no", "never", "if", "unless", "nor", "without", "whether"}
)
CAUSAL_EN = frozenset({"because", "since", "cause", "'cause"})
NEGATORS_ZH = ("不是", "并非", "没有", "没", "不", "别", "如果", "万一", "要是", "假如")
CAUSAL_ZH = ("因为", "由于")
NOT_NEGATING_ZH = ("不好意思", "不得不", "不久", "不少", "不然", "不管怎样")
DISCLAIMERS_EN = (
    r"(?:that's|that is|it's|it is|that was|it was|but) not (?:the reason|why)",
    r"(?:isn't|wasn't) (?:the reason|why)",
    r"nothing to do with",
)
DISCLAIMERS_ZH = (
    r"不是(?:这个)?原因",
    r"(?:跟|和|与)(?:这|这个|那)(?:个)?没(?:有)?关系",
)

POSITIVE_EN = (
    r"thanks?",
    r"thank you",
    r"appreciate",
    r"i(?:'ll| will) (?:pay|repay|transfer)",
    r"happy to",
    r"understand",
    r"no problem",
    r"promise",
    r"okay",
    r"sure",
)
NEGATIVE_EN = (
    r"stop calling",
    r"harass\w*",
    r"leave me alone",
    r"annoying",
    r"angry",
    r"ridiculous",
    r"hate",
    r"worried",
    r"desperate",
    r"hopeless",
    r"stressed",
    r"sue me",
    r"whatever",
    r"shut up",
    r"(?:won't|will not|not going to|refuse to) (?:pay|repay)",
)
POSITIVE_ZH = (
    r"谢谢",
    r"感谢",
    r"好的",
    r"没问题",
    r"理解",
    r"会还",
    r"一定还",
    r"马上还",
    r"保证",
    r"放心",
    r"明白",
)
NEGATIVE_ZH = (
    r"烦",
    r"别再打",
    r"不要再打",
    r"骚扰",
    r"滚",
    r"生气",
    r"气死",
    r"去告",
    r"随便",
    r"绝望",
    r"担心",
    r"压力(?:很|太)?大",
    r"难受",
    r"睡不着",
    r"骗子",
    r"无所谓",
    r"不还",
)
AGENT_PREFIXES = (
    "agent",
    "collector",
    "caller",
    "operator",
    "坐席",
    "催收员",
    "客服",
    "专员",
)
