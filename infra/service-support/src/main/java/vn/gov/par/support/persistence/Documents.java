package vn.gov.par.support.persistence;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.ReplaceOptions;

/**
 * Plain records written as documents under an id of the caller's choosing, without Spring Data's type hint:
 * what the read models (copies of another service's data) and the small stores beside the aggregates use.
 */
public final class Documents {

    private static final int DUPLICATE_KEY = 11000;

    private Documents() {
    }

    /** The value as a document, with {@code _id} set when an id is given. */
    public static Document of(MongoTemplate mongo, Object value, Object id) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        if (id != null) {
            document.put("_id", id);
        }
        return document;
    }

    /** Writes the value's whole state under the id: applying the same state twice changes nothing. */
    public static void upsert(MongoTemplate mongo, String collection, Object value, Object id) {
        mongo.getCollection(collection).replaceOne(new Document("_id", id), of(mongo, value, id), new ReplaceOptions().upsert(true));
    }

    /** Inserts the value under the id unless something is there already; answers whether it was inserted. */
    public static boolean insertIfAbsent(MongoTemplate mongo, String collection, Object value, Object id) {
        try {
            mongo.insert(of(mongo, value, id), collection);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Inserts, in one write, those of the documents whose ids are not taken; the others stay as they are. The store's
     * count of documents inserted is not used: the embedded store counts the duplicates it refused as inserted.
     *
     * @return the ids that were taken already, each refused by the store as a duplicate
     */
    public static Set<Object> insertAllIfAbsent(MongoTemplate mongo, String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.bulkOps(BulkMode.UNORDERED, collection).insert(documents).execute();
            return Set.of();
        } catch (BulkOperationException partly) {
            if (partly.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw partly;
            }
            return partly.getErrors().stream().map(refused -> documents.get(refused.getIndex()).get("_id")).collect(Collectors.toSet());
        }
    }
}
