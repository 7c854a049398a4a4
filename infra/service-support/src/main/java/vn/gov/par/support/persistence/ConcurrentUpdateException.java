package vn.gov.par.support.persistence;

/** Somebody else changed the same aggregate between our read and our write. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String collection, String id) {
        super(collection + "/" + id + " was changed concurrently");
    }
}
