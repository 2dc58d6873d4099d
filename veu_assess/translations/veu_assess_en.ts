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
    <name>SectionPage</name>
    <message numerus="yes">
        <location filename="../ui/section_page.py" line="102"/>
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
</TS>
