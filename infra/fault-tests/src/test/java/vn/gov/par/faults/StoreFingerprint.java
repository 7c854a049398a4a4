package vn.gov.par.faults;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import vn.gov.par.localruntime.ServiceModule;

/**
 * A digest of every document of every service, collection by collection, so "nothing changed" is checked on the
 * whole state rather than on a few counts. Left out: scheduler locks, and each document's revision, outbox and the
 * relay's fields beside it, which record how a state was reached, not what it is.
 */
final class StoreFingerprint {

    private static final Set<String> BOOKKEEPING = Set.of("scheduler_locks");
    private static final Set<String> HOW_REACHED = Set.of("_revision", "_writtenAt", "outbox", "_outboxSince", "_outboxLeaseUntil", "_outboxLeaseOwner");

    private StoreFingerprint() {
    }

    /** Per "database.collection": its document count and a digest of its documents in id order. */
    static Map<String, String> of(MongoClient mongo) {
        Map<String, String> fingerprint = new TreeMap<>();
        for (ServiceModule service : ServiceModule.values()) {
            MongoDatabase database = mongo.getDatabase(service.databaseName());
            for (String collection : database.listCollectionNames()) {
                if (!BOOKKEEPING.contains(collection)) {
                    fingerprint.put(service.databaseName() + "." + collection, digest(database, collection));
                }
            }
        }
        return fingerprint;
    }

    private static String digest(MongoDatabase database, String collection) {
        MessageDigest sha = sha256();
        long count = 0;
        for (Document document : database.getCollection(collection).find().sort(Sorts.ascending("_id"))) {
            HOW_REACHED.forEach(document::remove);
            sha.update(document.toJson().getBytes(StandardCharsets.UTF_8));
            count++;
        }
        return count + " documents, " + HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
