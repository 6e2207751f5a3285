#pragma once

#include "PostSubcommand.h"

#include "publish/PlanCheck.h"

namespace cq::cli {

// `post import [--skip-invalid] [--dry-run] [--submit] [--json] FILE.csv`: a plan of posts from CSV
// (post/CsvPosts.h). Every row is checked first (PlanCheck) and the rows with findings are
// reported; nothing is stored when a row has errors, unless --skip-invalid stores the others.
// --dry-run only reports.
class PostImportCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override {
        return QStringLiteral("check a CSV plan of posts, then store them (one draft per row)");
    }
    QString synopsis() const override {
        return QStringLiteral("[--skip-invalid] [--dry-run] [--submit] [--json] FILE.csv");
    }

protected:
    QList<QCommandLineOption> options() const override;
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;

private:
    // Stores one checked row as `post create` would; its id, or why not.
    std::expected<QString, Error> store(Session &session, const CheckedRow &row, const QString &baseDirectory,
                                        bool submit) const;
    static void report(QTextStream &out, const QList<CheckedRow> &rows);
};

} // namespace cq::cli
