package vn.gov.par.console.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;

/**
 * A CSV file to import, chosen as a file or pasted as text. A refused import comes back with the file's text in the
 * text box, as a browser cannot be given the chosen file back: nothing the official sent is lost.
 */
public class CsvImportForm {

    /** How the services take an import: the charset named, or the text would be sent in ISO-8859-1 and lose its diacritics. */
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private String csv;
    private MultipartFile file;

    /** The file's text when one was chosen, else what was pasted; the file's text then stays in the form. */
    String take() {
        if (file != null && !file.isEmpty()) {
            try {
                csv = new String(file.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return csv == null ? "" : csv;
    }

    boolean isBlank() {
        return take().isBlank();
    }

    public String getCsv() { return csv; }
    public void setCsv(String csv) { this.csv = csv; }
    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
}
