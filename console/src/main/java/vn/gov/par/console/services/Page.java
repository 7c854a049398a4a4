package vn.gov.par.console.services;

import java.util.List;

/** One page of a list, as every list endpoint of the services answers it. */
public record Page<T>(List<T> content, int page, int size, long totalElements) {

    public Page {
        content = content == null ? List.of() : List.copyOf(content);
    }

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
