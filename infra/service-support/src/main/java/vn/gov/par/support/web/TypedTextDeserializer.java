package vn.gov.par.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Text as a person types it: letters with their diacritics, tabs and line breaks, but no other control character (a
 * NUL, an escape). No plan or report holds one, and the store does not keep one faithfully, so a request carrying one
 * is refused as unreadable (400) instead of being stored as something other than what was sent.
 */
public final class TypedTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && text.chars().anyMatch(TypedTextDeserializer::isUntypable)) {
            return (String) context.handleWeirdStringValue(String.class, text, "text holds a control character");
        }
        return text;
    }

    private static boolean isUntypable(int character) {
        return Character.isISOControl(character) && character != '\t' && character != '\n' && character != '\r';
    }
}
