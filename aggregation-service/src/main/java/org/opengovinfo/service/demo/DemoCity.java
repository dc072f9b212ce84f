package org.opengovinfo.service.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opengovinfo.model.figures.Figures;
import org.opengovinfo.model.sample.SampleFigures;
import org.opengovinfo.model.template.Template;
import org.opengovinfo.model.template.Templates;
import org.opengovinfo.service.publications.PublicationService;
import org.opengovinfo.service.season.SeasonService;
import org.opengovinfo.service.submissions.SubmissionService;
import org.opengovinfo.service.units.UnitInput;
import org.opengovinfo.service.units.UnitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code DEMO=true}, loads a 临沂市-like city into an empty database: the 12 counties and districts, 3
 * development zones and 50 city departments, each county with its own office, 40 departments and 12 towns — with
 * invented, rule-consistent figures for 2020 and 2021, so a newcomer can roll up and pull at once. Loaded through
 * the same services as any client's data, as a real season runs: most units hand in during January, some after the
 * deadline, a few not at all for 2021, and one town of 罗庄区 corrects its 2021 report in February. A database that
 * holds any unit is left alone, so a restart with {@code DEMO=true} costs nothing.
 */
@Singleton
@Requires(property = "reports.demo", value = "true")
class DemoCity implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCity.class);
    static final String CITY = "371300";
    private static final String[][] COUNTIES = {
        {"371302", "兰山区", "district"}, {"371311", "罗庄区", "district"}, {"371312", "河东区", "district"},
        {"371321", "沂南县", "county"}, {"371322", "郯城县", "county"}, {"371323", "沂水县", "county"},
        {"371324", "兰陵县", "county"}, {"371325", "费县", "county"}, {"371326", "平邑县", "county"},
        {"371327", "莒南县", "county"}, {"371328", "蒙阴县", "county"}, {"371329", "临沭县", "county"}};
    private static final String[] ZONES = {"临沂高新技术产业开发区", "临沂经济技术开发区", "临沂临港经济开发区"};
    private static final String[] DEPARTMENTS = {
        "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
        "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局",
        "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
        "国有资产监督管理委员会", "市场监督管理局", "体育局", "统计局", "医疗保障局", "城市管理局", "信访局",
        "行政审批服务局", "大数据局", "地方金融监督管理局", "粮食和物资储备局", "人民防空办公室", "机关事务服务中心",
        "投资促进局", "综合行政执法局", "林业局", "畜牧发展促进中心", "供销合作社", "住房公积金管理中心",
        "民族宗教事务局", "外事办公室", "档案馆", "地震局", "气象局", "税务局", "消防救援支队", "自然资源局分局",
        "公共资源交易中心", "残疾人联合会"};
    private static final String[] TOWNS = {"城关街道", "新华街道", "胜利街道", "和平镇", "青山镇", "双河镇", "白沙镇",
        "马头镇", "桃园镇", "石桥镇", "东关镇", "西城镇"};

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The latest year, in which a few units have not reported yet. */
    private static final int MISSING_YEAR = 2021;
    private static final Set<String> MISSING = Set.of("371311-t07", "371311-d33", "371323-t11", "371323-t12",
            "371326-d08", "371326-d21", "371329-t03", "371300-d47", "371300-z2-d05");
    private static final Set<String> LATE = Set.of("371302-t02", "371302-d05", "371302-d06", "371312-t09",
            "371321-d14", "371321-d15", "371321-d16", "371324-t01", "371325-d30", "371327-t05", "371327-d11",
            "371328-d02", "371300-d12", "371300-d13", "371300-z1-d03");
    /** A town of 罗庄区 whose accepted 2021 report was reopened and corrected in February: a second version. */
    static final String CORRECTED = "371311-t02";
    /** A town of 罗庄区 whose 2021 report was returned with a comment. */
    static final String RETURNED = "371311-t05";
    private static final String CORRECTED_CELL = "s2_6.penalty.decisions";

    private final UnitService units;
    private final SubmissionService submissions;
    private final Templates templates;
    private final SeasonService season;
    private final PublicationService publications;

    DemoCity(UnitService units, SubmissionService submissions, Templates templates, SeasonService season,
             PublicationService publications) {
        this.units = units;
        this.submissions = submissions;
        this.templates = templates;
        this.season = season;
        this.publications = publications;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!units.all().isEmpty()) {
            LOG.info(units.all().containsKey(CITY) ? "Demo city {} is loaded already"
                    : "The database holds units already; the demo city {} is loaded only into an empty one", CITY);
            return;
        }
        long started = System.nanoTime();
        List<UnitInput> city = hierarchy();
        units.importUnits(city.stream().map(u -> new UnitService.Incoming(u, null)).toList());
        for (int year : new int[] {2020, 2021}) {
            submitYear(year, city);
        }
        LOG.info("Demo city 临沂市 ({}) loaded in {} ms: {} units with figures for 2020 and 2021. Roll it up with the "
                        + "administrator token: curl -X POST -H \"Authorization: Bearer $TOKEN\" {}/api/v1/units/{}/rollups/2021",
                CITY, (System.nanoTime() - started) / 1_000_000, city.size(), event.getSource().getURL(), CITY);
    }

    static List<UnitInput> hierarchy() {
        List<UnitInput> all = new ArrayList<>();
        all.add(unit(CITY, "临沂市", "city", CITY, null));
        all.add(unit(CITY + "-office", "临沂市人民政府办公室", "own_office", null, CITY));
        for (int d = 0; d < DEPARTMENTS.length; d++) {
            all.add(unit(String.format("%s-d%02d", CITY, d + 1), "临沂市" + DEPARTMENTS[d], "department", null, CITY));
        }
        for (String[] c : COUNTIES) {
            all.add(unit(c[0], c[1], c[2], c[0], CITY));
            all.add(unit(c[0] + "-office", c[1] + "人民政府办公室", "own_office", null, c[0]));
            for (int d = 0; d < 40; d++) {
                all.add(unit(String.format("%s-d%02d", c[0], d + 1), c[1] + DEPARTMENTS[d], "department", null, c[0]));
            }
            for (int t = 0; t < TOWNS.length; t++) {
                String kind = TOWNS[t].endsWith("街道") ? "street" : "town";
                all.add(unit(String.format("%s-t%02d", c[0], t + 1), c[1] + TOWNS[t], kind, null, c[0]));
            }
        }
        for (int z = 0; z < ZONES.length; z++) {
            String zone = String.format("%s-z%d", CITY, z + 1);
            all.add(unit(zone, ZONES[z], "development_zone", null, CITY));
            all.add(unit(zone + "-office", ZONES[z] + "管委会办公室", "own_office", null, zone));
            for (int d = 0; d < 6; d++) {
                all.add(unit(String.format("%s-d%02d", zone, d + 1), ZONES[z] + DEPARTMENTS[d], "department", null, zone));
            }
        }
        return all;
    }

    private static UnitInput unit(String id, String name, String kind, String division, String parent) {
        return new UnitInput(id, name, kind, division, 2015, null, parent, null);
    }

    private void submitYear(int year, List<UnitInput> city) {
        Template template = templates.forYear(year).orElseThrow();
        Random random = new Random(year);
        SampleFigures leaves = new SampleFigures(template, random, 0.2);
        SampleFigures governments = new SampleFigures(template, random, 0.6);
        Map<String, Figures> own = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (UnitInput u : city) {
            boolean leaf = u.kind().equals("department") || u.kind().equals("town") || u.kind().equals("street");
            own.put(u.id(), (leaf ? leaves : governments).next());
            if (u.parent() != null) {
                children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u.id());
            }
        }
        Map<String, Figures> declarations = new HashMap<>();
        for (int k = city.size() - 1; k >= 0; k--) {
            String id = city.get(k).id();
            if (children.containsKey(id)) {
                declarations.put(id, Figures.of(template, declared(template, children.get(id), own, declarations)));
            }
        }
        Random season = new Random(year * 31L);
        Map<String, Instant> handedIn = new LinkedHashMap<>();
        for (UnitInput u : city) {
            boolean leaf = !children.containsKey(u.id());
            if (year == MISSING_YEAR && leaf && MISSING.contains(u.id())) {
                continue;
            }
            Figures declared = declarations.get(u.id());
            Map<String, Object> figures = own.get(u.id()).given();
            Instant at = handedIn(year, season, leaf && LATE.contains(u.id()));
            submissions.submitAsOf(u.id(), year, SubmissionService.input(figures,
                    declared == null ? Map.of() : declared.given()), at);
            if (leaf) {
                handedIn.put(u.id(), at);
            }
        }
        review(year, city, children, handedIn, own);
    }

    /**
     * The season's moves. 2020 is over: every report handed in and accepted up the tree, and the city published the
     * year. 2021 is under way: the units below the counties have handed in (the late ones still wait for review), one
     * town's report was returned, another was accepted, reopened in February and corrected; the counties have not
     * handed in yet.
     */
    private void review(int year, List<UnitInput> city, Map<String, List<String>> children, Map<String, Instant> handedIn,
                        Map<String, Figures> own) {
        for (Map.Entry<String, Instant> leaf : handedIn.entrySet()) {
            season.submitAsOf(leaf.getKey(), year, leaf.getValue());
            boolean waiting = year == MISSING_YEAR && LATE.contains(leaf.getKey());
            if (year == MISSING_YEAR && leaf.getKey().equals(RETURNED)) {
                season.giveBack(RETURNED, year, null, "行政处罚决定数与执法台账不一致，请核对后重新报送");
            } else if (!waiting) {
                season.accept(leaf.getKey(), year, null);
            }
        }
        if (year == MISSING_YEAR) {
            season.reopen(CORRECTED, year, "漏报行政处罚决定 3 件，更正后重新报送");
            Map<String, Object> corrected = new LinkedHashMap<>(own.get(CORRECTED).given());
            Object decisions = corrected.get(CORRECTED_CELL);
            corrected.put(CORRECTED_CELL, (decisions == null ? 0L : ((Number) decisions).longValue()) + 3);
            Instant at = LocalDate.of(year + 1, 2, 10).atTime(15, 20).atZone(CHINA).toInstant();
            submissions.submitAsOf(CORRECTED, year, SubmissionService.input(corrected, Map.of()), at);
            season.submitAsOf(CORRECTED, year, at);
            season.accept(CORRECTED, year, null);
            return;
        }
        // the counties and zones hand in to the city once their subtrees are accepted; the city publishes
        Random timing = new Random(year);
        for (UnitInput u : city) {
            if (children.containsKey(u.id()) && !u.id().equals(CITY)) {
                season.submitAsOf(u.id(), year, LocalDate.of(year + 1, 1, 28 + timing.nextInt(3))
                        .atTime(10, 0).atZone(CHINA).toInstant());
                season.accept(u.id(), year, null);
            }
        }
        publications.publish(CITY, year, List.of());
    }

    /**
     * When a unit handed in its report for {@code year}: a working day between 4 and 30 January of the next year,
     * or for a late one between 2 and 25 February (China Standard Time).
     */
    private static Instant handedIn(int year, Random season, boolean late) {
        LocalDate day = late ? LocalDate.of(year + 1, 2, 2 + season.nextInt(24))
                : LocalDate.of(year + 1, 1, 4 + season.nextInt(27));
        return day.atTime(LocalTime.of(8 + season.nextInt(9), season.nextInt(60))).atZone(CHINA).toInstant();
    }

    /**
     * A consolidating unit's catalog counts: at least every child's consolidated count (de-duplication merges items,
     * it never loses one). Children that consolidate are declared first: the list runs parents before children.
     */
    private static Map<String, Object> declared(Template template, List<String> children, Map<String, Figures> own,
                                                Map<String, Figures> declarations) {
        Map<String, Object> declared = new LinkedHashMap<>();
        template.declaredCells().stream().forEach(i -> {
            String code = template.cell(i).code();
            long value = 0;
            for (String child : children) {
                Figures f = declarations.getOrDefault(child, own.get(child));
                value = template.cell(i).kind().isSigned() ? value + f.value(i) : Math.max(value, f.value(i));
            }
            declared.put(code, value + (template.cell(i).kind().isSigned() ? 0 : children.size()));
        });
        return declared;
    }
}
