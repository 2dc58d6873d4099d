<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <location filename="../ui/review/compare_view.py" line="77"/>
        <source>%n requirement(s) changed</source>
        <translation>
            <numerusform>%n requirement changed</numerusform>
            <numerusform>%n requirements changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequirementPanel</name>
    <message numerus="yes">
        <location filename="../ui/requirement_panel.py" line="199"/>
        <source>⚠ %n verdict(s) stale</source>
        <translation>
            <numerusform>⚠ %n verdict stale</numerusform>
            <numerusform>⚠ %n verdicts stale</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message numerus="yes">
        <location filename="../ui/section_page.py" line="105"/>
        <source>%n further requirement(s) of this section do not apply to this profile.</source>
        <translation>
            <numerusform>%n further requirement of this section does not apply to this profile.</numerusform>
            <numerusform>%n further requirements of this section do not apply to this profile.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnansweredList</name>
    <message numerus="yes">
        <location filename="../ui/unanswered.py" line="61"/>
        <source>Not yet answered: %n item(s)</source>
        <translation>
            <numerusform>Not yet answered: %n item</numerusform>
            <numerusform>Not yet answered: %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ChangedItems</name>
    <message numerus="yes">
        <location filename="../ui/integrity.py" line="81"/>
        <source>Changed after sign-off on {date}: %n item(s)</source>
        <translation>
            <numerusform>Changed after sign-off on {date}: %n item</numerusform>
            <numerusform>Changed after sign-off on {date}: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/integrity.py" line="82"/>
        <source>Changed after sign-off on {date}: %n item(s) differ from what was signed.</source>
        <translation>
            <numerusform>Changed after sign-off on {date}: %n item differs from what was signed.</numerusform>
            <numerusform>Changed after sign-off on {date}: %n items differ from what was signed.</numerusform>
        </translation>
    </message>
</context>
</TS>
