#pragma once

#include <QWidget>

#include "post/Post.h"

class QCheckBox;
class QLabel;

namespace cq::ui {

// TikTok's commercial content disclosure: a switch, off by default; on, "Your brand" and "Branded
// content", with the label TikTok will put on the post written under them ("Promotional content",
// "Paid partnership"). Branded content cannot be private, so it is disabled while "Only me" is the
// chosen audience, saying why (the privacy list disables "Only me" the other way round).
class DisclosureSection : public QWidget {
    Q_OBJECT

public:
    // TikTok's own words, shown as a tooltip on whichever of the two is disabled.
    static QString brandedNotPrivateText();

    explicit DisclosureSection(QWidget *parent = nullptr);

    void applyTo(TikTokSettings &settings) const;
    void load(const TikTokSettings &settings);
    // Whether "Branded content" is on (with the switch): "Only me" cannot be chosen then.
    bool brandedContent() const;
    // "Only me" is the chosen audience: "Branded content" cannot be turned on.
    void setPrivateChosen(bool chosen);
    QWidget *firstInFocusChain() const;
    QWidget *lastInFocusChain() const;
    // Focuses the control of a settings field ("discloseCommercialContent", "brandContentToggle", ...).
    bool focusField(const QString &pointer);

Q_SIGNALS:
    void changed();

private:
    void update();

    QCheckBox *m_disclose;
    QCheckBox *m_yourBrand;
    QCheckBox *m_branded;
    QWidget *m_choices;
    QLabel *m_label;
    bool m_privateChosen = false;
};

} // namespace cq::ui
