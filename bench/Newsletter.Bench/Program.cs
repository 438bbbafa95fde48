using System.Runtime.InteropServices;
using Newsletter.Bench;
using Newsletter.SyntheticArchive;

// Search benchmark, run by hand: our Lucene index against SQLite LIKE on a synthetic archive. See bench/README.md.
Console.OutputEncoding = System.Text.Encoding.UTF8;
var options = Options.Parse(args);
string[] queries =
[
    "托育", "唇腭裂", "杜振宗", "向日葵亲子小屋", "刘名", "计生协", "婴幼儿照护", "优生优育", "家庭健康", "巡视整改",
    "两个确立", "生育支持", "人口发展", "志愿者", "特殊家庭", "暖心家园", "健康知识", "党课", "秀峰区", "合浦县",
];

var pool = SeedPool.Load();
SizeRun.Log(pool.Describe());
SizeRun.Log($"sizes {string.Join(", ", options.Sizes)}; {options.Queries} timed queries after {options.Warmup} warm-up; "
    + $"baseline budget {options.BaselineSeconds} s per size; archive seed {options.Seed}");

var results = options.Sizes.Select(size => SizeRun.Run(pool, size, options, queries)).ToList();

var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, "
    + $"Server GC {System.Runtime.GCSettings.IsServerGC}";
var rows = Report.Rows(results);
var queryRows = Report.QueryRows(results);
Console.WriteLine();
Console.WriteLine(machine);
Console.WriteLine();
Console.WriteLine(Report.Console(rows));
Console.WriteLine(Report.Console(queryRows));
Console.WriteLine("Markdown:");
Console.WriteLine();
Console.WriteLine(Report.Markdown(rows));
Console.WriteLine(Report.Markdown(queryRows));
return 0;
