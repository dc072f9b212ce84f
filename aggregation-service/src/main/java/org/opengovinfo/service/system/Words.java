package org.opengovinfo.service.system;

/**
 * A phrase in Chinese and English, for the parts of a message that are words rather than values (what a field
 * must be, what a role may not do).
 */
public record Words(String zh, String en) {

    public static final Words WHOLE_NUMBER = new Words("整数", "a whole number");
    public static final Words TEXT = new Words("文本", "text");
    public static final Words OBJECT = new Words("JSON 对象", "a JSON object");
    public static final Words LIST = new Words("列表", "a list");
    public static final Words TRUE_OR_FALSE = new Words("true 或 false", "true or false");
    public static final Words PRINTABLE_TEXT = new Words("不含控制字符的文本", "text without control characters");

    /** The arguments with every {@code Words} replaced by its wording in one language. */
    static Object[] in(boolean chinese, Object... args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Words w) {
                out[i] = chinese ? w.zh : w.en;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return en;
    }
}
