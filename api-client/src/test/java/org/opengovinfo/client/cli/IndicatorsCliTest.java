package org.opengovinfo.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.opengovinfo.service.testing.OnBothDatabases;
import org.opengovinfo.service.testing.ServiceUnderTest;

/**
 * A county office reads its units' indicators, rankings and risk flags through {@code ogi} against a real service on
 * H2 and on PostgreSQL: a county with an office, two streets and a town that consolidates a village; values computed
 * by hand from the figures seeded here.
 */
class IndicatorsCliTest extends OnBothDatabases {

    private static final ObjectMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private record Run(int exit, String out, String err) {
    }

    private static Run ogi(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String server = service.request("/").build().uri().toString().replaceAll("/$", "");
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("OGI_SERVER", server, "OGI_TOKEN", ServiceUnderTest.ADMIN_TOKEN));
        int exit = cli.run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String ok(String... args) {
        Run run = ogi(args);
        assertEquals(0, run.exit(), () -> String.join(" ", args) + " failed:\n" + run.err() + run.out());
        return run.out();
    }

    @BeforeParameterizedClassInvocation
    static void seed() {
        List<Map<String, Object>> units = new ArrayList<>();
        units.add(Map.of("id", "ic", "name", "河东区", "kind", "district", "fromYear", 2015));
        units.add(unit("ic-office", "区政府办公室", "own_office", "ic"));
        units.add(unit("ic-a", "九曲街道", "street", "ic"));
        units.add(unit("ic-b", "芝麻墩街道", "street", "ic"));
        units.add(unit("ic-town", "汤河镇", "town", "ic"));
        units.add(unit("ic-village", "汤河村", "department", "ic-town"));
        service.post("/api/v1/units/import", Map.of("units", units)).ok();
        figures("ic-office", 40, 10, 6, 3, 1);   // 16/40 = 40 %, 1/4 = 25 %
        figures("ic-a", 50, 30, 0, 9, 1);        // 60 %, 10 %
        figures("ic-b", 20, 5, 0, 0, 0);         // 25 %, 0/0 not defined
        figures("ic-town", 10, 4, 0, 1, 1);
        figures("ic-village", 30, 8, 0, 2, 0);   // 26.67 %, 0 %; the town consolidated: 12/40 = 30 %, 1/4 = 25 %
        service.post("/api/v1/units/ic-town/rollups/2021", Map.of()).ok();
        service.post("/api/v1/units/ic/rollups/2021", Map.of()).ok();
    }

    private static Map<String, Object> unit(String id, String name, String kind, String parent) {
        return Map.of("id", id, "name", name, "kind", kind, "fromYear", 2015, "parent", parent);
    }

    private static void figures(String unit, int requests, int granted, int partly, int upheld, int corrected) {
        Map<String, Object> cells = new HashMap<>();
        cells.put("s3.new.natural_person", requests);
        cells.put("s3.carried_over.natural_person", 0);
        cells.put("s3.granted.natural_person", granted);
        cells.put("s3.partly_granted.natural_person", partly);
        cells.put("s3.unavailable_not_held.natural_person", requests - granted - partly);
        cells.put("s3.carried_forward.natural_person", 0);
        cells.put("s4.reconsideration.upheld", upheld);
        cells.put("s4.reconsideration.corrected", corrected);
        service.put("/api/v1/units/" + unit + "/figures/2021", Map.of("figures", cells)).ok();
    }

    @Test
    void aUnitsIndicatorsAreALabelledTableWithTheFiguresBehindEach() {
        String out = ok("indicators", "ic-office", "2021");
        assertEquals("""
                ic-office 区政府办公室 2021 年指标（本级数据）
                  指标                             名称                    值  分子  分母  说明
                  new_requests                     本年新收申请数       40 件    40
                  new_requests_change              新收申请数同比变化       —              无法计算：需要上年数据，该单位没有上年的报告
                  substantive_disclosure_rate      实质公开率          40.00%    16    40
                  non_disclosure_rate              不予公开率               —              无法计算：以下单元格为空（空白不等于零）：三、本年度办理结果 （三）不予公开 1.属于国家秘密 / 申请人情况 总计；三、本年度办理结果 （三）不予公开 2.其他法律行政法规禁止公开 / 申请人情况 总计；三、本年度办理结果 （三）不予公开 3.危及“三安全一稳定” / 申请人情况 总计；三、本年度办理结果 （三）不予公开 4.保护第三方合法权益 / 申请人情况 总计；三、本年度办理结果 （三）不予公开 5.属于三类内部事务信息 / 申请人情况 总计；三、本年度办理结果 （三）不予公开 6.属于四类过程性信息 / 申请人情况 总计；三、本年度办理结果 （三）不予公开 7.属于行政执法案卷 / 申请人情况 总计；三、本年度办理结果 （三）不予公开 8.属于行政查询事项 / 申请人情况 总计
                  unavailable_rate                 无法提供率               —              无法计算：以下单元格为空（空白不等于零）：三、本年度办理结果 （四）无法提供 2.没有现成信息需要另行制作 / 申请人情况 总计；三、本年度办理结果 （四）无法提供 3.补正后申请内容仍不明确 / 申请人情况 总计
                  reconsideration_correction_rate  复议纠错率          25.00%     1     4
                  litigation_correction_rate       诉讼纠错率               —              无法计算：以下单元格为空（空白不等于零）：行政诉讼 未经复议直接起诉 / 结果纠正；行政诉讼 复议后起诉 / 结果纠正；行政诉讼 未经复议直接起诉 / 总计；行政诉讼 复议后起诉 / 总计
                """, out);
    }

    @Test
    void rankingsListTiesUndefinedChildrenApartAndTheSpread() {
        assertEquals("""
                ic 河东区 2021 年下级单位排名：复议纠错率
                  名次  单位       名称          数据      值  分子  分母
                     1  ic-office  区政府办公室  本级  25.00%     1     4
                     1  ic-town    汤河镇        汇总  25.00%     1     4
                     3  ic-a       九曲街道      本级  10.00%     1    10
                  未排名（无法计算）：
                    ic-b  芝麻墩街道  本级  分母（行政复议 / 总计）为 0，比率没有意义
                  加权平均 16.67%，中位数 25.00%，P10 13.00%，P90 25.00%，P90−P10 12.00%（3 个单位）
                """, ok("rankings", "ic", "2021", "--indicator", "reconsideration_correction_rate"));
        assertEquals("""
                ic 河东区 2021: units below ranked by Reconsideration correction rate
                  rank  unit       name          figures        value  numerator  denominator
                     1  ic-office  区政府办公室  own           25.00%          1            4
                     1  ic-town    汤河镇        consolidated  25.00%          1            4
                     3  ic-a       九曲街道      own           10.00%          1           10
                  not ranked (not defined):
                    ic-b  芝麻墩街道  own  the denominator (s4.reconsideration.total) is 0, so the rate is not defined
                  weighted mean 16.67%, median 25.00%, P10 13.00%, P90 25.00%, P90−P10 12.00% (3 units)
                """, ok("rankings", "ic", "2021", "--indicator", "reconsideration_correction_rate", "--lang", "en"));
    }

    @Test
    void risksAreListedPerUnitWithThresholdsAndVolume() {
        assertEquals("""
                ic 河东区 2021 年风险提示：红色 5，黄色 2（查看 6 个单位；本年新收申请少于 30 件的单位不提示）
                  单位        名称          类型  数据  等级  指标            值  分子  分母  阈值   新收申请
                  ic          河东区        区    汇总  红    复议纠错率  16.67%     3    18  > 15%       150
                  ic          河东区        区    汇总  黄    实质公开率  42.00%    63   150  < 45%       150
                  ic-office   区政府办公室  本级  本级  红    复议纠错率  25.00%     1     4  > 15%        40
                  ic-office   区政府办公室  本级  本级  黄    实质公开率  40.00%    16    40  < 45%        40
                  ic-town     汤河镇        乡镇  汇总  红    复议纠错率  25.00%     1     4  > 15%        40
                  ic-town     汤河镇        乡镇  汇总  红    实质公开率  30.00%    12    40  < 40%        40
                  ic-village  汤河村        部门  本级  红    实质公开率  26.67%     8    30  < 40%        30
                """, ok("risks", "ic", "2021"));
    }

    @Test
    void jsonAndCsvAreTheServicesAndAnUnknownIndicatorIsRefused() throws Exception {
        JsonNode json = EXACT.readTree(ok("rankings", "ic", "2021", "--indicator", "substantive_disclosure_rate", "--json"));
        assertEquals("42.00", json.get("rankings").get(0).get("spread").get("weightedMean").decimalValue().toPlainString());
        String csv = ok("risks", "ic", "2021", "--csv");
        assertTrue(csv.startsWith("unit,name,kind,parent,source,level,indicator,"), "no byte order mark on stdout: " + csv);
        Run unknown = ogi("rankings", "ic", "2021", "--indicator", "happiness");
        assertEquals(Cli.API_ERROR, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("400 indicator.unknown"), unknown.err());
        Run consolidated = ogi("indicators", "ic-a", "2021", "--consolidated");
        assertEquals(Cli.API_ERROR, consolidated.exit(), consolidated.err());
        assertTrue(consolidated.err().contains("404 rollup.none"), consolidated.err());
    }

    @Test
    void eachCommandsHelpShowsOnlyItsOwnOptions() {
        for (String command : List.of("indicators", "rankings", "risks")) {
            String help = ok(command, "--help");
            assertTrue(help.startsWith("Usage: ogi " + command), help);
            assertTrue(!help.contains("--token=TOKEN") && !help.contains("--server=URL"), help);
        }
        assertTrue(ok("rankings", "--help").contains("--indicator=ID"));
        assertTrue(ok("indicators", "--help").contains("--consolidated"));
    }
}
