package vn.gov.par.support.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern written against folded text ({@link VietnameseText#fold}) that finds its matches in the text as written, so
 * that what is found can be replaced while the rest keeps its diacritics: each letter matches every letter that folds to
 * it, in either case ("o" matches o, ó, ơ, Ở ...), a space matches any run of spaces and dashes, "va" also "&".
 * Regex syntax passes through unchanged; the text is matched in NFC.
 */
public final class WrittenPattern {

    /** Every letter of Latin and Vietnamese, by the letter it folds to. */
    private static final Map<Character, String> LETTERS = letters();

    private final Pattern pattern;

    private WrittenPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @param foldedRegex a regex over folded text: lower-case letters without marks, digits, single spaces, commas */
    public static WrittenPattern of(String foldedRegex) {
        return new WrittenPattern(Pattern.compile(translate(foldedRegex), Pattern.UNICODE_CHARACTER_CLASS));
    }

    /** A matcher over the text as written (composed to NFC first, as the matches' positions refer to). */
    public Matcher matcher(String written) {
        return pattern.matcher(nfc(written));
    }

    public static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String translate(String folded) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '\\' && i + 1 < folded.length()) {
                out.append(c).append(folded.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else if (c == ']') {
                inClass = false;
                out.append(c);
            } else if (LETTERS.containsKey(c)) {
                out.append(inClass ? LETTERS.get(c) : "[" + LETTERS.get(c) + "]");
            } else if (c == ' ' && !inClass) {
                out.append("(?:[\\s\\-–—]+)");
            } else {
                out.append(c);
            }
        }
        // "và" is also written "&", with or without spaces around it.
        return out.toString().replace("(?:[\\s\\-–—]+)[" + LETTERS.get('v') + "][" + LETTERS.get('a') + "](?:[\\s\\-–—]+)",
                "(?:(?:[\\s\\-–—]+)[" + LETTERS.get('v') + "][" + LETTERS.get('a') + "](?:[\\s\\-–—]+)|\\s*&\\s*)");
    }

    private static Map<Character, String> letters() {
        Map<Character, StringBuilder> byFold = new HashMap<>();
        for (char c = 'A'; c < 0x1F00; c++) {
            if (Character.isLetter(c)) {
                String folded = VietnameseText.fold(String.valueOf(c));
                if (folded.length() == 1 && folded.charAt(0) >= 'a' && folded.charAt(0) <= 'z') {
                    byFold.computeIfAbsent(folded.charAt(0), f -> new StringBuilder()).append(c);
                }
            }
        }
        Map<Character, String> letters = new HashMap<>();
        byFold.forEach((folded, members) -> letters.put(folded, members.toString()));
        return Map.copyOf(letters);
    }
}
