#pragma once

#include "CliCommand.h"

#include <QDateTime>

#include <functional>

namespace cq::cli {

// `validate [--json] [--creator FILE] POST.json`: the findings of docs/validation.md.
class ValidateCommand final : public CliCommand {
public:
    using NowFunction = std::function<QDateTime()>;
    explicit ValidateCommand(NowFunction now = &QDateTime::currentDateTimeUtc);

    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override { return QStringLiteral("Check a post against TikTok's rules"); }
    ExitCode run(const QStringList &arguments, CliStreams streams) override;

private:
    NowFunction m_now;
};

} // namespace cq::cli
