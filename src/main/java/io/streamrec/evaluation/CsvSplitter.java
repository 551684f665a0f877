package io.streamrec.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Splits one delimited line, honouring double quotes (MovieLens titles contain commas). */
final class CsvSplitter {
    private CsvSplitter() {}

    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** "\t" and "tab" mean a tab, so the separator survives shells that will not pass a literal one. */
    static char separator(String spec) {
        if (spec == null || spec.isEmpty()) {
            return ',';
        }
        if (spec.equals("\\t") || spec.equalsIgnoreCase("tab") || spec.equals("\t")) {
            return '\t';
        }
        if (spec.length() != 1) {
            throw new IllegalArgumentException("--sep must be one character, \\t or tab, was '" + spec + "'");
        }
        return spec.charAt(0);
    }
}
