package eres.api.table;

import java.util.Locale;

/** The language of generated table text (notes, statistics and test names, yes/no): English or Chinese. */
public enum Language {
    EN("en"), ZH("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The code used in chain files ({@code report: {language: zh}}). */
    public String code() {
        return code;
    }

    /** {@code en} or {@code zh} (also {@code zh-CN}, {@code chinese}, {@code english}); null for anything else. */
    public static Language parse(String s) {
        if (s == null) return null;
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "en", "en-us", "en-gb", "english" -> EN;
            case "zh", "zh-cn", "zh-hans", "chinese", "cn" -> ZH;
            default -> null;
        };
    }
}
