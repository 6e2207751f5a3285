<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CalendarGrid</name>
    <message numerus="yes">
        <source>+%Ln more</source>
        <translation>
            <numerusform>+%Ln more</numerusform>
            <numerusform>+%Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::PostValidator</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountCard</name>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::AccountSetsEditor</name>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::BulkImportDialog</name>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::CalendarGrid</name>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::ComposerPage</name>
    <message numerus="yes">
        <source>One post per video: saving stores %n post(s), each with the caption and settings below.</source>
        <translation>
            <numerusform>One post per video: saving stores %n post, with the caption and settings below.</numerusform>
            <numerusform>One post per video: saving stores %n posts, each with the caption and settings below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n video(s) cannot go in one TikTok post. Make one post per video, each with the same caption and settings?</source>
        <translation>
            <numerusform>This %n video cannot go in one TikTok post. Make one post per video, each with the same caption and settings?</numerusform>
            <numerusform>These %n videos cannot go in one TikTok post. Make one post per video, each with the same caption and settings?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>%n problem to fix</numerusform>
            <numerusform>%n problems to fix</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n note(s) below</source>
        <translation>
            <numerusform>%1 · %n note below</numerusform>
            <numerusform>%1 · %n notes below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Convert %n item(s) so that TikTok takes them</source>
        <translation>
            <numerusform>Convert %n item so that TikTok takes it</numerusform>
            <numerusform>Convert %n items so that TikTok takes them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s), one per video. </source>
        <translation>
            <numerusform>%n post, one per video. </numerusform>
            <numerusform>%n posts, one per video. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n file(s) into ClipQueue&apos;s media store…</source>
        <translation>
            <numerusform>Copying %n file into ClipQueue&apos;s media store…</numerusform>
            <numerusform>Copying %n files into ClipQueue&apos;s media store…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copying %n file(s) into ClipQueue&apos;s media store… %1 of %2</source>
        <translation>
            <numerusform>Copying %n file into ClipQueue&apos;s media store… %1 of %2</numerusform>
            <numerusform>Copying %n files into ClipQueue&apos;s media store… %1 of %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n post(s) due in the next %1 hours.</source>
        <translation>
            <numerusform>%n post is due in the next %1 hours.</numerusform>
            <numerusform>%n posts are due in the next %1 hours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::QueueFilterBar</name>
    <message numerus="yes">
        <source>%Ln post(s)</source>
        <translation>
            <numerusform>%Ln post</numerusform>
            <numerusform>%Ln posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::QueuePage</name>
    <message numerus="yes">
        <source>%Ln post(s) selected</source>
        <translation>
            <numerusform>%Ln post selected</numerusform>
            <numerusform>%Ln posts selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln post(s)?</source>
        <translation>
            <numerusform>Delete %Ln post?</numerusform>
            <numerusform>Delete %Ln posts?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln Post(s)</source>
        <translation>
            <numerusform>Delete %Ln Post</numerusform>
            <numerusform>Delete %Ln Posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not move %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>Could not move %1 of %n post. The first said: %2</numerusform>
            <numerusform>Could not move %1 of %n posts. The first said: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not cancel %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>Could not cancel %1 of %n post. The first said: %2</numerusform>
            <numerusform>Could not cancel %1 of %n posts. The first said: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not retry %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>Could not retry %1 of %n post. The first said: %2</numerusform>
            <numerusform>Could not retry %1 of %n posts. The first said: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not reschedule %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>Could not reschedule %1 of %n post. The first said: %2</numerusform>
            <numerusform>Could not reschedule %1 of %n posts. The first said: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not delete %1 of %n post(s). The first said: %2</source>
        <translation>
            <numerusform>Could not delete %1 of %n post. The first said: %2</numerusform>
            <numerusform>Could not delete %1 of %n posts. The first said: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n post(s) did not change. The first said: %2</source>
        <translation>
            <numerusform>%1 of %n post did not change. The first said: %2</numerusform>
            <numerusform>%1 of %n posts did not change. The first said: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::QueueText</name>
    <message numerus="yes">
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::RescheduleDialog</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) stay where they are.</source>
        <translation>
            <numerusform>%n post stays where it is.</numerusform>
            <numerusform>%n posts stay where they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moves %n post(s) %1 later.</source>
        <translation>
            <numerusform>Moves %n post %1 later.</numerusform>
            <numerusform>Moves %n posts %1 later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moves %n post(s) %1 earlier.</source>
        <translation>
            <numerusform>Moves %n post %1 earlier.</numerusform>
            <numerusform>Moves %n posts %1 earlier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::ReviewListModel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cq::ui::WelcomePage</name>
    <message numerus="yes">
        <source>Done: %n account(s) connected.</source>
        <translation>
            <numerusform>Done: %n account connected.</numerusform>
            <numerusform>Done: %n accounts connected.</numerusform>
        </translation>
    </message>
</context>
</TS>
