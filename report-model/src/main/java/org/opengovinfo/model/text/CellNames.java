package org.opengovinfo.model.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opengovinfo.model.layout.PrintedLayout;
import org.opengovinfo.model.template.Template;

/** A cell named as printed: its table and its column and row labels (表三 · 总计 · 一、本年新收政府信息公开申请数量). */
public final class CellNames {

    private static final Map<String, PrintedLayout> LAYOUTS = new ConcurrentHashMap<>();

    private CellNames() {}

    public static String of(Template template, String cell) {
        PrintedLayout layout = LAYOUTS.computeIfAbsent(template.id() + "@" + System.identityHashCode(template),
                k -> PrintedLayout.of(template));
        return layout.place(cell).map(p -> p.table().name() + " · " + p.slot().labels()).orElse(cell);
    }
}
