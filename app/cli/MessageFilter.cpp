#include "MessageFilter.h"

#include <QString>
#include <QtGlobal>

#include <cstring>

namespace cq::cli {

namespace {
QtMessageHandler s_previous = nullptr;
bool s_everything = false;

void filter(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const bool ours = context.category && std::strncmp(context.category, "clipqueue", 9) == 0;
    if (ours || s_everything || type == QtFatalMsg) {
        s_previous(type, context, message);
    }
}
} // namespace

void installMessageFilter() {
    s_everything = qEnvironmentVariable("CLIPQUEUE_DEBUG") == u"1";
    s_previous = qInstallMessageHandler(&filter);
}

} // namespace cq::cli
