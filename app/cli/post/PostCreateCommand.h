#pragma once

#include "PostSubcommand.h"

#include "publish/PostImporter.h"

namespace cq::cli {

// `post create [--conform] [--strip-location] [--submit] [--json] POST.json`: copies the media into
// the store (with --conform, what TikTok would refuse is converted first and the converted copy
// stored instead; --strip-location also removes photos' metadata, and implies --conform) and
// stores the post as a draft (one post per account), submitted with --submit.
// --add-to-queue sets its time to the account's next free posting time (QueueSlots).
class PostCreateCommand final : public PostSubcommand {
public:
    QString name() const override { return QStringLiteral("create"); }
    QString summary() const override {
        return QStringLiteral("store a post (a draft, or submitted with --submit)");
    }
    QString synopsis() const override {
        return QStringLiteral(
            "[--conform] [--strip-location] [--submit] [--add-to-queue] [--json] POST.json");
    }

protected:
    QList<QCommandLineOption> options() const override;
    ExitCode execute(Session &session, const QCommandLineParser &parser, CliStreams streams) override;

private:
    void writeCreated(QTextStream &out, const PostImporter::CreateResult &created, bool json) const;
};

} // namespace cq::cli
