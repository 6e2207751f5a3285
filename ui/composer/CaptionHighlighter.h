#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>

class QPlainTextEdit;

namespace cq::ui {

// Shows #hashtags and @mentions in a caption as TikTok will link them: in the editor's palette's
// link colour (again when the theme changes), bold (so they stand out without colour too).
class CaptionHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

public:
    explicit CaptionHighlighter(QPlainTextEdit *edit);

    // The hashtags and mentions in `text`, with their # or @, in order.
    static QStringList tagsIn(const QString &text);

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static const QRegularExpression &pattern();
    QPlainTextEdit *m_edit;
};

} // namespace cq::ui
