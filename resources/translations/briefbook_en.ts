<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CollectionView</name>
    <message numerus="yes">
        <location filename="../../briefbook/ui/collection_view.py" line="+237"/>
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message numerus="yes">
        <location filename="../../briefbook/ui/search_view.py" line="+208"/>
        <source>%n result(s) for “%1”</source>
        <translation>
            <numerusform>%n result for “%1”</numerusform>
            <numerusform>%n results for “%1”</numerusform>
        </translation>
    </message>
</context>
</TS>
