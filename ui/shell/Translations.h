#pragma once

class QCoreApplication;

namespace cq::ui {

// Installs Qt's own translations and ClipQueue's for the user's languages (LANGUAGE, LC_MESSAGES,
// LANG, in that order), where there are any; English otherwise.
void installTranslators(QCoreApplication &app);

} // namespace cq::ui
