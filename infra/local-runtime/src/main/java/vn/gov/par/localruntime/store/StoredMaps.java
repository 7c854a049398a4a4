package vn.gov.par.localruntime.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The types each of the store's maps keeps its keys and values in, told by the map's name: documents as BSON
 * ({@link StoredDocumentType}), index keys in index order ({@link IndexKeyType}), the rest in H2's own form. The
 * snapshot file, the journal and the maps in memory all read a map by these.
 */
final class StoredMaps {

    /** The prefix H2Database names a collection's map of documents with. */
    static final String DOCUMENTS = "databases.";
    static final String SORTED_INDEX = "._sorted_index_";
    static final String SECONDARY_INDEX = "._secondary_index_";

    private static final ObjectDataType H2_FORM = new ObjectDataType();

    private StoredMaps() {
    }

    @SuppressWarnings("unchecked")
    static DataType<Object> keyType(String mapName) {
        return (DataType<Object>) (DataType<?>) (mapName.contains(SORTED_INDEX) || mapName.contains(SECONDARY_INDEX)
                ? IndexKeyType.INSTANCE : H2_FORM);
    }

    @SuppressWarnings("unchecked")
    static DataType<Object> valueType(String mapName) {
        return (DataType<Object>) (DataType<?>) (mapName.startsWith(DOCUMENTS) ? StoredDocumentType.INSTANCE : H2_FORM);
    }

    /** A builder of the map as a file keeps it. */
    static MVMap.Builder<Object, Object> inFile(String mapName) {
        return new MVMap.Builder<>().keyType(keyType(mapName)).valueType(valueType(mapName));
    }
}
