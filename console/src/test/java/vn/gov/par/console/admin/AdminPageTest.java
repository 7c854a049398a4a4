package vn.gov.par.console.admin;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.gov.par.console.testing.ConsolePageTest;

/** The administration pages' tests: pages read as a browser shows them. */
abstract class AdminPageTest extends ConsolePageTest {

    protected String page(RequestBuilder request) throws Exception {
        return page(request, 200);
    }

    /** Form fields write some Vietnamese letters as HTML entities (ê as &ecirc;): the page is read as a browser shows it. */
    protected String page(RequestBuilder request, int expectedStatus) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString());
    }
}
