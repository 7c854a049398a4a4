package vn.gov.par.localruntime.store;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Queries as the store receives them, for tests that ask its indexes directly. */
final class StoreQueries {

    private StoreQueries() {
    }

    /** A filter of the driver as the store receives it. */
    static de.bwaldvogel.mongo.bson.Document storedFilter(Bson filter) {
        return (de.bwaldvogel.mongo.bson.Document) asStored(Document.parse(filter.toBsonDocument().toJson()));
    }

    /** A query's value as the store receives it: its own document class all the way down, dates as instants. */
    static Object asStored(Object value) {
        if (value instanceof Document document) {
            de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document();
            document.forEach((key, inner) -> stored.put(key, asStored(inner)));
            return stored;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(StoreQueries::asStored).toList();
        }
        return value instanceof Date date ? date.toInstant() : value;
    }
}
