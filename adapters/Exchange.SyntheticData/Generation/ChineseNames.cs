namespace Exchange.SyntheticData.Generation;

/// <summary>Common surnames by frequency and given names typical of the decade a person was born in.</summary>
internal static class ChineseNames
{
    private static readonly string[] SurnamesByFrequency =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
        "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
        "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦",
        "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
        "万", "钱", "严", "武", "戴", "莫", "孔", "向", "汤", "欧阳", "司马", "诸葛", "上官",
    ];

    // Weight falls with rank, roughly as surname frequencies do; the compound surnames at the end are rare.
    private static readonly WeightedChoice<string> Surnames = new(
        SurnamesByFrequency.Select((name, rank) => (name, Weight: Math.Max(2, 120 - rank * 2 + (rank < 5 ? 60 : 0)))).ToArray());

    private static readonly string[] MaleBefore1965 =
        ["建国", "国强", "建华", "志强", "国庆", "建军", "卫东", "德明", "振华", "福生", "长青", "永利", "新民", "学文",
         "立新", "保国", "树林", "宝山", "金生", "文斌", "春生", "德胜", "跃进", "援朝", "海生"];
    private static readonly string[] Male1965To1989 =
        ["伟", "磊", "勇", "军", "涛", "斌", "强", "刚", "波", "杰", "海涛", "建平", "晓东", "志刚", "小龙", "俊", "鹏",
         "辉", "永强", "海波", "明", "华", "健", "文杰", "东升", "晓明", "建伟", "立军", "志勇", "海峰"];
    private static readonly string[] MaleFrom1990 =
        ["浩然", "子轩", "宇航", "俊杰", "浩宇", "梓睿", "一鸣", "博文", "天佑", "宇轩", "子豪", "睿", "晨阳", "泽宇",
         "思远", "皓轩", "明轩", "嘉豪", "鑫", "昊天", "奕辰", "子墨", "铭", "逸飞", "家乐", "宇", "浩", "凯"];
    private static readonly string[] FemaleBefore1965 =
        ["秀英", "桂英", "淑珍", "玉兰", "秀兰", "凤英", "桂兰", "淑英", "玉珍", "秀珍", "兰英", "美华", "素芬", "丽华",
         "月娥", "爱华", "春花", "秀云", "巧云", "金凤", "玉梅", "淑芬", "红梅", "惠芳", "素珍"];
    private static readonly string[] Female1965To1989 =
        ["丽", "静", "敏", "燕", "艳", "娟", "霞", "芳", "婷", "丽娟", "晓燕", "海燕", "雪梅", "小红", "春梅", "红艳",
         "丽萍", "慧", "莉", "琳", "晓丽", "美玲", "雪", "颖", "倩", "玉洁", "晓红", "冬梅"];
    private static readonly string[] FemaleFrom1990 =
        ["欣怡", "梓涵", "诗涵", "一诺", "子涵", "雨桐", "可馨", "梦琪", "佳怡", "思雨", "若汐", "语嫣", "雨涵", "紫萱",
         "婉清", "静怡", "欣妍", "悦", "雅琪", "佳琪", "心怡", "晨曦", "梓萱", "思琪", "依诺", "诗雨"];

    public static string Surname(SplitMix64 random) => Surnames.Pick(random);

    /// <summary>The surname of a full name this class made; compound surnames are two characters.</summary>
    public static string SurnameOf(string fullName) =>
        fullName.Length > 2 && SurnamesByFrequency.Contains(fullName[..2]) ? fullName[..2] : fullName[..1];

    public static string FullName(SplitMix64 random, Gender gender, int birthYear)
    {
        var given = (gender, birthYear) switch
        {
            (Gender.Male, < 1965) => MaleBefore1965,
            (Gender.Male, < 1990) => Male1965To1989,
            (Gender.Male, _) => MaleFrom1990,
            (_, < 1965) => FemaleBefore1965,
            (_, < 1990) => Female1965To1989,
            _ => FemaleFrom1990,
        };
        return Surname(random) + random.Pick(given);
    }
}
