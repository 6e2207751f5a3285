#pragma once

#include "CliCommand.h"

#include "publish/Publisher.h"
#include "util/Error.h"

#include <expected>
#include <functional>
#include <memory>

namespace cq {
class Session;
}

namespace cq::cli {

// Makes the publisher `run` hands due posts to. The TikTok publisher is the default; tests inject
// a scripted fake.
using PublisherFactory = std::function<std::expected<std::unique_ptr<Publisher>, Error>(Session &)>;

// `run [--once]`: the scheduler without a window.
class RunCommand final : public CliCommand {
public:
    explicit RunCommand(PublisherFactory factory);
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override { return QStringLiteral("Publish scheduled posts when they are due"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;

private:
    PublisherFactory m_factory;
};

} // namespace cq::cli
