package org.petal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.petal.PetalApplication;
import org.petal.ml.dataset.LabelKind;
import org.petal.projects.ProjectService;
import org.petal.users.UserService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database lives in a file under the data directory: what was saved is there after a restart. */
class RestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PetalApplication.class).run("--server.port=0", "--petal.data-dir=" + data,
            "--petal.admin-password=admin-restart-password");
    }

    @Test
    void aProjectCreatedBeforeARestartIsThereAfterIt() {
        try (var app = start()) {
            var users = app.getBean(UserService.class);
            users.createUnchecked("lead-r", "password-lead", "Lead", java.util.Set.of(org.petal.users.Role.LEAD));
            app.getBean(ProjectService.class).create(users.actor("lead-r"), new ProjectService.NewProject("kept", "",
                List.of(new ProjectService.LabelSpec(1, "lesion", "#ff0000", LabelKind.LESION, null))));
        }
        assertThat(data.resolve("db")).isDirectory();
        try (var app = start()) {
            assertThat(app.getBean(ProjectService.class).list()).extracting(ProjectService.ProjectView::name).containsExactly("kept");
            assertThat(app.getBean(UserService.class).exists("admin")).as("the first admin is created once").isTrue();
        }
    }

    @Test
    void aDatabaseMigratedByANewerPetalIsRefusedWithAClearReason() throws Exception {
        start().close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/petal"), "petal", "");
             Statement s = c.createStatement()) {
            s.execute("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") values "
                + "(99, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'petal', 1, true)");
        }
        assertThatThrownBy(this::start).satisfies(e -> {
            FailureAnalysis a = new SchemaTooNewAnalyzer().analyze(e);
            assertThat(a).isNotNull();
            assertThat(a.getDescription()).contains("newer version of Petal").contains("999");
        });
    }

    @Test
    void anUnwritableDataDirectoryOrATakenPortIsASentenceNotAStackTrace() throws Exception {
        Path file = Files.createFile(data.resolve("not-a-directory"));
        assertThatThrownBy(() -> ServeOptions.parse(new String[] {"--data", file.toString()}, data).check())
            .isInstanceOf(ServeOptions.StartupProblem.class).hasMessageContaining("not writable");
        try (var taken = new java.net.ServerSocket(0)) {
            assertThatThrownBy(() -> ServeOptions.parse(new String[] {"--port", String.valueOf(taken.getLocalPort())}, data)
                .check()).isInstanceOf(ServeOptions.StartupProblem.class).hasMessageContaining("already in use");
        }
        assertThatThrownBy(() -> ServeOptions.parse(new String[] {"--port", "http"}, data))
            .hasMessageContaining("--port must be a number");
    }
}
