package org.opengovinfo.model.template;

/** How a cell of a consolidated report is obtained from the reports below it. */
public enum ConsolidationMode {
    /** Added up over the whole subtree: case, decision and request counts, fees, staff. */
    SUM,
    /**
     * Declared by the consolidating unit for its consolidated report and never summed: the 2019 format's catalog
     * item counts are de-duplicated over the whole area, so adding up departments would count items twice.
     */
    DECLARED,
    /** A total of other cells, computed by a total rule when left blank and checked when filled. */
    DERIVED
}
