#include "CliApplication.h"
#include "MessageFilter.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[]) {
    cq::cli::installMessageFilter();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClipQueue"));
    QCoreApplication::setApplicationName(QStringLiteral("ClipQueue"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLIPQUEUE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto code = cq::cli::CliApplication().run(QCoreApplication::arguments(), {out, err});
    out.flush();
    err.flush();
    return static_cast<int>(code);
}
