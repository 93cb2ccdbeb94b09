# Generated from grammars/PortasnnNet.g4 by ANTLR 4.13.2
# encoding: utf-8
from antlr4 import *
from io import StringIO
import sys
if sys.version_info[1] > 5:
	from typing import TextIO
else:
	from typing.io import TextIO

def serializedATN():
    return [
        4,1,44,330,2,0,7,0,2,1,7,1,2,2,7,2,2,3,7,3,2,4,7,4,2,5,7,5,2,6,7,
        6,2,7,7,7,2,8,7,8,2,9,7,9,2,10,7,10,2,11,7,11,2,12,7,12,2,13,7,13,
        1,0,5,0,30,8,0,10,0,12,0,33,9,0,1,0,1,0,1,1,1,1,1,1,3,1,40,8,1,1,
        1,1,1,1,1,1,1,1,1,1,1,3,1,48,8,1,1,1,1,1,1,1,3,1,53,8,1,1,1,1,1,
        5,1,57,8,1,10,1,12,1,60,9,1,1,1,1,1,1,1,1,1,1,1,1,1,3,1,68,8,1,1,
        1,1,1,1,1,1,1,1,1,1,1,3,1,76,8,1,1,1,1,1,1,1,1,1,1,1,3,1,83,8,1,
        1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,3,1,95,8,1,1,1,1,1,5,1,99,
        8,1,10,1,12,1,102,9,1,1,1,1,1,1,1,3,1,107,8,1,1,1,1,1,1,1,1,1,1,
        1,1,1,1,1,5,1,116,8,1,10,1,12,1,119,9,1,1,1,1,1,1,1,1,1,1,1,1,1,
        1,1,1,1,5,1,129,8,1,10,1,12,1,132,9,1,1,1,3,1,135,8,1,1,1,1,1,1,
        1,5,1,140,8,1,10,1,12,1,143,9,1,3,1,145,8,1,1,1,1,1,1,1,3,1,150,
        8,1,1,1,1,1,1,1,5,1,155,8,1,10,1,12,1,158,9,1,1,1,1,1,1,1,1,1,3,
        1,164,8,1,1,1,1,1,1,1,3,1,169,8,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,3,
        1,178,8,1,1,1,1,1,1,1,5,1,183,8,1,10,1,12,1,186,9,1,3,1,188,8,1,
        1,2,1,2,1,2,1,2,5,2,194,8,2,10,2,12,2,197,9,2,1,2,3,2,200,8,2,3,
        2,202,8,2,1,2,1,2,1,3,3,3,207,8,3,1,3,1,3,1,3,1,3,1,4,1,4,1,4,1,
        4,1,5,1,5,1,5,1,5,1,5,3,5,222,8,5,1,6,1,6,1,6,1,6,1,6,1,6,1,6,5,
        6,231,8,6,10,6,12,6,234,9,6,3,6,236,8,6,1,7,1,7,1,7,1,8,1,8,1,8,
        1,8,1,8,5,8,246,8,8,10,8,12,8,249,9,8,3,8,251,8,8,1,8,1,8,1,9,1,
        9,1,9,1,9,1,9,5,9,260,8,9,10,9,12,9,263,9,9,3,9,265,8,9,1,9,3,9,
        268,8,9,1,10,1,10,3,10,272,8,10,1,10,1,10,1,11,1,11,1,11,1,11,1,
        11,3,11,281,8,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,5,
        11,292,8,11,10,11,12,11,295,9,11,3,11,297,8,11,1,11,1,11,1,11,1,
        11,1,11,3,11,304,8,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,1,11,1,
        11,5,11,315,8,11,10,11,12,11,318,9,11,1,12,1,12,1,12,3,12,323,8,
        12,1,13,3,13,326,8,13,1,13,1,13,1,13,0,1,22,14,0,2,4,6,8,10,12,14,
        16,18,20,22,24,26,0,6,1,0,30,31,2,0,20,20,41,41,1,0,16,19,1,0,28,
        29,1,0,21,22,1,0,26,27,378,0,31,1,0,0,0,2,187,1,0,0,0,4,189,1,0,
        0,0,6,206,1,0,0,0,8,212,1,0,0,0,10,216,1,0,0,0,12,235,1,0,0,0,14,
        237,1,0,0,0,16,240,1,0,0,0,18,254,1,0,0,0,20,271,1,0,0,0,22,303,
        1,0,0,0,24,319,1,0,0,0,26,325,1,0,0,0,28,30,3,2,1,0,29,28,1,0,0,
        0,30,33,1,0,0,0,31,29,1,0,0,0,31,32,1,0,0,0,32,34,1,0,0,0,33,31,
        1,0,0,0,34,35,5,0,0,1,35,1,1,0,0,0,36,39,5,1,0,0,37,40,5,41,0,0,
        38,40,5,42,0,0,39,37,1,0,0,0,39,38,1,0,0,0,40,188,1,0,0,0,41,42,
        5,2,0,0,42,188,5,42,0,0,43,44,5,3,0,0,44,47,5,41,0,0,45,46,5,30,
        0,0,46,48,5,41,0,0,47,45,1,0,0,0,47,48,1,0,0,0,48,49,1,0,0,0,49,
        50,5,4,0,0,50,52,5,42,0,0,51,53,3,4,2,0,52,51,1,0,0,0,52,53,1,0,
        0,0,53,58,1,0,0,0,54,55,5,33,0,0,55,57,3,8,4,0,56,54,1,0,0,0,57,
        60,1,0,0,0,58,56,1,0,0,0,58,59,1,0,0,0,59,188,1,0,0,0,60,58,1,0,
        0,0,61,62,5,3,0,0,62,63,5,41,0,0,63,64,5,30,0,0,64,65,5,5,0,0,65,
        67,5,41,0,0,66,68,3,4,2,0,67,66,1,0,0,0,67,68,1,0,0,0,68,188,1,0,
        0,0,69,70,5,3,0,0,70,71,5,41,0,0,71,72,5,30,0,0,72,73,5,6,0,0,73,
        75,5,41,0,0,74,76,3,4,2,0,75,74,1,0,0,0,75,76,1,0,0,0,76,188,1,0,
        0,0,77,78,5,20,0,0,78,79,5,41,0,0,79,80,5,4,0,0,80,82,5,42,0,0,81,
        83,3,4,2,0,82,81,1,0,0,0,82,83,1,0,0,0,83,188,1,0,0,0,84,85,5,7,
        0,0,85,86,5,41,0,0,86,87,5,30,0,0,87,188,3,22,11,0,88,89,5,8,0,0,
        89,90,5,41,0,0,90,91,5,32,0,0,91,92,3,22,11,0,92,94,5,41,0,0,93,
        95,3,4,2,0,94,93,1,0,0,0,94,95,1,0,0,0,95,100,1,0,0,0,96,97,5,33,
        0,0,97,99,3,8,4,0,98,96,1,0,0,0,99,102,1,0,0,0,100,98,1,0,0,0,100,
        101,1,0,0,0,101,188,1,0,0,0,102,100,1,0,0,0,103,106,5,10,0,0,104,
        105,5,41,0,0,105,107,5,32,0,0,106,104,1,0,0,0,106,107,1,0,0,0,107,
        108,1,0,0,0,108,109,5,41,0,0,109,110,5,24,0,0,110,111,5,41,0,0,111,
        112,5,32,0,0,112,117,3,18,9,0,113,114,5,33,0,0,114,116,3,8,4,0,115,
        113,1,0,0,0,116,119,1,0,0,0,117,115,1,0,0,0,117,118,1,0,0,0,118,
        188,1,0,0,0,119,117,1,0,0,0,120,121,5,11,0,0,121,122,5,41,0,0,122,
        123,5,32,0,0,123,124,3,16,8,0,124,125,5,24,0,0,125,130,3,10,5,0,
        126,127,5,33,0,0,127,129,3,10,5,0,128,126,1,0,0,0,129,132,1,0,0,
        0,130,128,1,0,0,0,130,131,1,0,0,0,131,144,1,0,0,0,132,130,1,0,0,
        0,133,135,5,33,0,0,134,133,1,0,0,0,134,135,1,0,0,0,135,136,1,0,0,
        0,136,141,3,8,4,0,137,138,5,33,0,0,138,140,3,8,4,0,139,137,1,0,0,
        0,140,143,1,0,0,0,141,139,1,0,0,0,141,142,1,0,0,0,142,145,1,0,0,
        0,143,141,1,0,0,0,144,134,1,0,0,0,144,145,1,0,0,0,145,188,1,0,0,
        0,146,149,5,12,0,0,147,148,5,41,0,0,148,150,5,32,0,0,149,147,1,0,
        0,0,149,150,1,0,0,0,150,151,1,0,0,0,151,156,5,41,0,0,152,153,5,33,
        0,0,153,155,5,41,0,0,154,152,1,0,0,0,155,158,1,0,0,0,156,154,1,0,
        0,0,156,157,1,0,0,0,157,159,1,0,0,0,158,156,1,0,0,0,159,160,5,13,
        0,0,160,163,3,10,5,0,161,162,5,14,0,0,162,164,3,22,11,0,163,161,
        1,0,0,0,163,164,1,0,0,0,164,188,1,0,0,0,165,168,5,12,0,0,166,167,
        5,41,0,0,167,169,5,32,0,0,168,166,1,0,0,0,168,169,1,0,0,0,169,170,
        1,0,0,0,170,171,5,41,0,0,171,172,5,13,0,0,172,173,5,41,0,0,173,174,
        5,24,0,0,174,177,3,10,5,0,175,176,5,14,0,0,176,178,3,22,11,0,177,
        175,1,0,0,0,177,178,1,0,0,0,178,188,1,0,0,0,179,180,5,15,0,0,180,
        184,3,22,11,0,181,183,3,14,7,0,182,181,1,0,0,0,183,186,1,0,0,0,184,
        182,1,0,0,0,184,185,1,0,0,0,185,188,1,0,0,0,186,184,1,0,0,0,187,
        36,1,0,0,0,187,41,1,0,0,0,187,43,1,0,0,0,187,61,1,0,0,0,187,69,1,
        0,0,0,187,77,1,0,0,0,187,84,1,0,0,0,187,88,1,0,0,0,187,103,1,0,0,
        0,187,120,1,0,0,0,187,146,1,0,0,0,187,165,1,0,0,0,187,179,1,0,0,
        0,188,3,1,0,0,0,189,201,5,38,0,0,190,195,3,6,3,0,191,192,5,33,0,
        0,192,194,3,6,3,0,193,191,1,0,0,0,194,197,1,0,0,0,195,193,1,0,0,
        0,195,196,1,0,0,0,196,199,1,0,0,0,197,195,1,0,0,0,198,200,5,33,0,
        0,199,198,1,0,0,0,199,200,1,0,0,0,200,202,1,0,0,0,201,190,1,0,0,
        0,201,202,1,0,0,0,202,203,1,0,0,0,203,204,5,39,0,0,204,5,1,0,0,0,
        205,207,5,9,0,0,206,205,1,0,0,0,206,207,1,0,0,0,207,208,1,0,0,0,
        208,209,5,41,0,0,209,210,7,0,0,0,210,211,3,22,11,0,211,7,1,0,0,0,
        212,213,7,1,0,0,213,214,5,30,0,0,214,215,3,22,11,0,215,9,1,0,0,0,
        216,221,5,41,0,0,217,218,5,36,0,0,218,219,3,12,6,0,219,220,5,37,
        0,0,220,222,1,0,0,0,221,217,1,0,0,0,221,222,1,0,0,0,222,11,1,0,0,
        0,223,224,3,22,11,0,224,225,5,32,0,0,225,226,3,22,11,0,226,236,1,
        0,0,0,227,232,3,22,11,0,228,229,5,33,0,0,229,231,3,22,11,0,230,228,
        1,0,0,0,231,234,1,0,0,0,232,230,1,0,0,0,232,233,1,0,0,0,233,236,
        1,0,0,0,234,232,1,0,0,0,235,223,1,0,0,0,235,227,1,0,0,0,236,13,1,
        0,0,0,237,238,7,2,0,0,238,239,3,22,11,0,239,15,1,0,0,0,240,241,5,
        41,0,0,241,250,5,34,0,0,242,247,3,20,10,0,243,244,5,33,0,0,244,246,
        3,20,10,0,245,243,1,0,0,0,246,249,1,0,0,0,247,245,1,0,0,0,247,248,
        1,0,0,0,248,251,1,0,0,0,249,247,1,0,0,0,250,242,1,0,0,0,250,251,
        1,0,0,0,251,252,1,0,0,0,252,253,5,35,0,0,253,17,1,0,0,0,254,267,
        5,41,0,0,255,264,5,34,0,0,256,261,3,20,10,0,257,258,5,33,0,0,258,
        260,3,20,10,0,259,257,1,0,0,0,260,263,1,0,0,0,261,259,1,0,0,0,261,
        262,1,0,0,0,262,265,1,0,0,0,263,261,1,0,0,0,264,256,1,0,0,0,264,
        265,1,0,0,0,265,266,1,0,0,0,266,268,5,35,0,0,267,255,1,0,0,0,267,
        268,1,0,0,0,268,19,1,0,0,0,269,270,5,41,0,0,270,272,5,30,0,0,271,
        269,1,0,0,0,271,272,1,0,0,0,272,273,1,0,0,0,273,274,3,22,11,0,274,
        21,1,0,0,0,275,276,6,11,-1,0,276,277,7,3,0,0,277,304,3,22,11,11,
        278,280,5,40,0,0,279,281,3,24,12,0,280,279,1,0,0,0,280,281,1,0,0,
        0,281,304,1,0,0,0,282,304,3,24,12,0,283,304,3,16,8,0,284,304,5,41,
        0,0,285,304,7,4,0,0,286,304,5,42,0,0,287,296,5,36,0,0,288,293,3,
        22,11,0,289,290,5,33,0,0,290,292,3,22,11,0,291,289,1,0,0,0,292,295,
        1,0,0,0,293,291,1,0,0,0,293,294,1,0,0,0,294,297,1,0,0,0,295,293,
        1,0,0,0,296,288,1,0,0,0,296,297,1,0,0,0,297,298,1,0,0,0,298,304,
        5,37,0,0,299,300,5,34,0,0,300,301,3,22,11,0,301,302,5,35,0,0,302,
        304,1,0,0,0,303,275,1,0,0,0,303,278,1,0,0,0,303,282,1,0,0,0,303,
        283,1,0,0,0,303,284,1,0,0,0,303,285,1,0,0,0,303,286,1,0,0,0,303,
        287,1,0,0,0,303,299,1,0,0,0,304,316,1,0,0,0,305,306,10,12,0,0,306,
        307,5,25,0,0,307,315,3,22,11,12,308,309,10,10,0,0,309,310,7,5,0,
        0,310,315,3,22,11,11,311,312,10,9,0,0,312,313,7,3,0,0,313,315,3,
        22,11,10,314,305,1,0,0,0,314,308,1,0,0,0,314,311,1,0,0,0,315,318,
        1,0,0,0,316,314,1,0,0,0,316,317,1,0,0,0,317,23,1,0,0,0,318,316,1,
        0,0,0,319,322,5,23,0,0,320,321,5,25,0,0,321,323,3,26,13,0,322,320,
        1,0,0,0,322,323,1,0,0,0,323,25,1,0,0,0,324,326,5,29,0,0,325,324,
        1,0,0,0,325,326,1,0,0,0,326,327,1,0,0,0,327,328,5,40,0,0,328,27,
        1,0,0,0,44,31,39,47,52,58,67,75,82,94,100,106,117,130,134,141,144,
        149,156,163,168,177,184,187,195,199,201,206,221,232,235,247,250,
        261,264,267,271,280,293,296,303,314,316,322,325
    ]

class PortasnnNetParser ( Parser ):

    grammarFileName = "PortasnnNet.g4"

    atn = ATNDeserializer().deserialize(serializedATN())

    decisionsToDFA = [ DFA(ds, i) for i, ds in enumerate(atn.decisionToState) ]

    sharedContextCache = PredictionContextCache()

    literalNames = [ "<INVALID>", "'network'", "'include'", "'model'", "'from'", 
                     "'nest'", "'pynn'", "'let'", "'population'", "'initial'", 
                     "'connect'", "'stimulus'", "'record'", "'of'", "'every'", 
                     "'simulate'", "'resolution'", "'seed'", "'threads'", 
                     "'processes'", "'synapse'", "'true'", "'false'", "<INVALID>", 
                     "'->'", "'**'", "'*'", "'/'", "'+'", "'-'", "'='", 
                     "'~'", "':'", "','", "'('", "')'", "'['", "']'", "'{'", 
                     "'}'" ]

    symbolicNames = [ "<INVALID>", "NETWORK", "INCLUDE", "MODEL", "FROM", 
                      "NEST", "PYNN", "LET", "POPULATION", "INITIAL", "CONNECT", 
                      "STIMULUS", "RECORD", "OF", "EVERY", "SIMULATE", "RESOLUTION", 
                      "SEED", "THREADS", "PROCESSES", "SYNAPSE", "TRUE", 
                      "FALSE", "UNIT", "ARROW", "POW", "STAR", "SLASH", 
                      "PLUS", "MINUS", "EQ", "TILDE", "COLON", "COMMA", 
                      "LPAREN", "RPAREN", "LBRACK", "RBRACK", "LBRACE", 
                      "RBRACE", "NUMBER", "IDENT", "STRING", "COMMENT", 
                      "WS" ]

    RULE_file_ = 0
    RULE_statement = 1
    RULE_block = 2
    RULE_item = 3
    RULE_option = 4
    RULE_target = 5
    RULE_subset = 6
    RULE_simOption = 7
    RULE_call = 8
    RULE_rule = 9
    RULE_arg = 10
    RULE_expr = 11
    RULE_unit = 12
    RULE_signedInt = 13

    ruleNames =  [ "file_", "statement", "block", "item", "option", "target", 
                   "subset", "simOption", "call", "rule", "arg", "expr", 
                   "unit", "signedInt" ]

    EOF = Token.EOF
    NETWORK=1
    INCLUDE=2
    MODEL=3
    FROM=4
    NEST=5
    PYNN=6
    LET=7
    POPULATION=8
    INITIAL=9
    CONNECT=10
    STIMULUS=11
    RECORD=12
    OF=13
    EVERY=14
    SIMULATE=15
    RESOLUTION=16
    SEED=17
    THREADS=18
    PROCESSES=19
    SYNAPSE=20
    TRUE=21
    FALSE=22
    UNIT=23
    ARROW=24
    POW=25
    STAR=26
    SLASH=27
    PLUS=28
    MINUS=29
    EQ=30
    TILDE=31
    COLON=32
    COMMA=33
    LPAREN=34
    RPAREN=35
    LBRACK=36
    RBRACK=37
    LBRACE=38
    RBRACE=39
    NUMBER=40
    IDENT=41
    STRING=42
    COMMENT=43
    WS=44

    def __init__(self, input:TokenStream, output:TextIO = sys.stdout):
        super().__init__(input, output)
        self.checkVersion("4.13.2")
        self._interp = ParserATNSimulator(self, self.atn, self.decisionsToDFA, self.sharedContextCache)
        self._predicates = None




    class File_Context(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser

        def EOF(self):
            return self.getToken(PortasnnNetParser.EOF, 0)

        def statement(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.StatementContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.StatementContext,i)


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_file_

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitFile_" ):
                return visitor.visitFile_(self)
            else:
                return visitor.visitChildren(self)




    def file_(self):

        localctx = PortasnnNetParser.File_Context(self, self._ctx, self.state)
        self.enterRule(localctx, 0, self.RULE_file_)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 31
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            while (((_la) & ~0x3f) == 0 and ((1 << _la) & 1088910) != 0):
                self.state = 28
                self.statement()
                self.state = 33
                self._errHandler.sync(self)
                _la = self._input.LA(1)

            self.state = 34
            self.match(PortasnnNetParser.EOF)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class StatementContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_statement

     
        def copyFrom(self, ctx:ParserRuleContext):
            super().copyFrom(ctx)



    class NetworkStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.quoted = None # Token
            self.copyFrom(ctx)

        def NETWORK(self):
            return self.getToken(PortasnnNetParser.NETWORK, 0)
        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)
        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitNetworkStmt" ):
                return visitor.visitNetworkStmt(self)
            else:
                return visitor.visitChildren(self)


    class ModelPynnStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.key = None # Token
            self.celltype = None # Token
            self.copyFrom(ctx)

        def MODEL(self):
            return self.getToken(PortasnnNetParser.MODEL, 0)
        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)
        def PYNN(self):
            return self.getToken(PortasnnNetParser.PYNN, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitModelPynnStmt" ):
                return visitor.visitModelPynnStmt(self)
            else:
                return visitor.visitChildren(self)


    class PopulationStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.size = None # ExprContext
            self.model = None # Token
            self.copyFrom(ctx)

        def POPULATION(self):
            return self.getToken(PortasnnNetParser.POPULATION, 0)
        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)

        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def option(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.OptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.OptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitPopulationStmt" ):
                return visitor.visitPopulationStmt(self)
            else:
                return visitor.visitChildren(self)


    class RecordProjectionStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.what = None # Token
            self.pre = None # Token
            self.post = None # TargetContext
            self.interval = None # ExprContext
            self.copyFrom(ctx)

        def RECORD(self):
            return self.getToken(PortasnnNetParser.RECORD, 0)
        def OF(self):
            return self.getToken(PortasnnNetParser.OF, 0)
        def ARROW(self):
            return self.getToken(PortasnnNetParser.ARROW, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def target(self):
            return self.getTypedRuleContext(PortasnnNetParser.TargetContext,0)

        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def EVERY(self):
            return self.getToken(PortasnnNetParser.EVERY, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitRecordProjectionStmt" ):
                return visitor.visitRecordProjectionStmt(self)
            else:
                return visitor.visitChildren(self)


    class SimulateStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.duration = None # ExprContext
            self.copyFrom(ctx)

        def SIMULATE(self):
            return self.getToken(PortasnnNetParser.SIMULATE, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def simOption(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.SimOptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.SimOptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitSimulateStmt" ):
                return visitor.visitSimulateStmt(self)
            else:
                return visitor.visitChildren(self)


    class LetStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.copyFrom(ctx)

        def LET(self):
            return self.getToken(PortasnnNetParser.LET, 0)
        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitLetStmt" ):
                return visitor.visitLetStmt(self)
            else:
                return visitor.visitChildren(self)


    class SynapseStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.key = None # Token
            self.path = None # Token
            self.copyFrom(ctx)

        def SYNAPSE(self):
            return self.getToken(PortasnnNetParser.SYNAPSE, 0)
        def FROM(self):
            return self.getToken(PortasnnNetParser.FROM, 0)
        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)
        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)
        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitSynapseStmt" ):
                return visitor.visitSynapseStmt(self)
            else:
                return visitor.visitChildren(self)


    class ModelFileStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.key = None # Token
            self.inner = None # Token
            self.path = None # Token
            self.copyFrom(ctx)

        def MODEL(self):
            return self.getToken(PortasnnNetParser.MODEL, 0)
        def FROM(self):
            return self.getToken(PortasnnNetParser.FROM, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)
        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)
        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)

        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def option(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.OptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.OptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitModelFileStmt" ):
                return visitor.visitModelFileStmt(self)
            else:
                return visitor.visitChildren(self)


    class ConnectStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.pre = None # Token
            self.post = None # Token
            self.copyFrom(ctx)

        def CONNECT(self):
            return self.getToken(PortasnnNetParser.CONNECT, 0)
        def ARROW(self):
            return self.getToken(PortasnnNetParser.ARROW, 0)
        def COLON(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COLON)
            else:
                return self.getToken(PortasnnNetParser.COLON, i)
        def rule_(self):
            return self.getTypedRuleContext(PortasnnNetParser.RuleContext,0)

        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def option(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.OptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.OptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitConnectStmt" ):
                return visitor.visitConnectStmt(self)
            else:
                return visitor.visitChildren(self)


    class RecordStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.interval = None # ExprContext
            self.copyFrom(ctx)

        def RECORD(self):
            return self.getToken(PortasnnNetParser.RECORD, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def OF(self):
            return self.getToken(PortasnnNetParser.OF, 0)
        def target(self):
            return self.getTypedRuleContext(PortasnnNetParser.TargetContext,0)

        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def EVERY(self):
            return self.getToken(PortasnnNetParser.EVERY, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitRecordStmt" ):
                return visitor.visitRecordStmt(self)
            else:
                return visitor.visitChildren(self)


    class IncludeStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.path = None # Token
            self.copyFrom(ctx)

        def INCLUDE(self):
            return self.getToken(PortasnnNetParser.INCLUDE, 0)
        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitIncludeStmt" ):
                return visitor.visitIncludeStmt(self)
            else:
                return visitor.visitChildren(self)


    class StimulusStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.copyFrom(ctx)

        def STIMULUS(self):
            return self.getToken(PortasnnNetParser.STIMULUS, 0)
        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def call(self):
            return self.getTypedRuleContext(PortasnnNetParser.CallContext,0)

        def ARROW(self):
            return self.getToken(PortasnnNetParser.ARROW, 0)
        def target(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.TargetContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.TargetContext,i)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)
        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)
        def option(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.OptionContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.OptionContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitStimulusStmt" ):
                return visitor.visitStimulusStmt(self)
            else:
                return visitor.visitChildren(self)


    class ModelNestStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.key = None # Token
            self.builtin = None # Token
            self.copyFrom(ctx)

        def MODEL(self):
            return self.getToken(PortasnnNetParser.MODEL, 0)
        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)
        def NEST(self):
            return self.getToken(PortasnnNetParser.NEST, 0)
        def IDENT(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.IDENT)
            else:
                return self.getToken(PortasnnNetParser.IDENT, i)
        def block(self):
            return self.getTypedRuleContext(PortasnnNetParser.BlockContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitModelNestStmt" ):
                return visitor.visitModelNestStmt(self)
            else:
                return visitor.visitChildren(self)



    def statement(self):

        localctx = PortasnnNetParser.StatementContext(self, self._ctx, self.state)
        self.enterRule(localctx, 2, self.RULE_statement)
        self._la = 0 # Token type
        try:
            self.state = 187
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,22,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.NetworkStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 36
                self.match(PortasnnNetParser.NETWORK)
                self.state = 39
                self._errHandler.sync(self)
                token = self._input.LA(1)
                if token in [41]:
                    self.state = 37
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    pass
                elif token in [42]:
                    self.state = 38
                    localctx.quoted = self.match(PortasnnNetParser.STRING)
                    pass
                else:
                    raise NoViableAltException(self)

                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.IncludeStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 41
                self.match(PortasnnNetParser.INCLUDE)
                self.state = 42
                localctx.path = self.match(PortasnnNetParser.STRING)
                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.ModelFileStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 3)
                self.state = 43
                self.match(PortasnnNetParser.MODEL)
                self.state = 44
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 47
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==30:
                    self.state = 45
                    self.match(PortasnnNetParser.EQ)
                    self.state = 46
                    localctx.inner = self.match(PortasnnNetParser.IDENT)


                self.state = 49
                self.match(PortasnnNetParser.FROM)
                self.state = 50
                localctx.path = self.match(PortasnnNetParser.STRING)
                self.state = 52
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==38:
                    self.state = 51
                    self.block()


                self.state = 58
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==33:
                    self.state = 54
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 55
                    self.option()
                    self.state = 60
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.ModelNestStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 4)
                self.state = 61
                self.match(PortasnnNetParser.MODEL)
                self.state = 62
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 63
                self.match(PortasnnNetParser.EQ)
                self.state = 64
                self.match(PortasnnNetParser.NEST)
                self.state = 65
                localctx.builtin = self.match(PortasnnNetParser.IDENT)
                self.state = 67
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==38:
                    self.state = 66
                    self.block()


                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.ModelPynnStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 5)
                self.state = 69
                self.match(PortasnnNetParser.MODEL)
                self.state = 70
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 71
                self.match(PortasnnNetParser.EQ)
                self.state = 72
                self.match(PortasnnNetParser.PYNN)
                self.state = 73
                localctx.celltype = self.match(PortasnnNetParser.IDENT)
                self.state = 75
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==38:
                    self.state = 74
                    self.block()


                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.SynapseStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 6)
                self.state = 77
                self.match(PortasnnNetParser.SYNAPSE)
                self.state = 78
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 79
                self.match(PortasnnNetParser.FROM)
                self.state = 80
                localctx.path = self.match(PortasnnNetParser.STRING)
                self.state = 82
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==38:
                    self.state = 81
                    self.block()


                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.LetStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 7)
                self.state = 84
                self.match(PortasnnNetParser.LET)
                self.state = 85
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 86
                self.match(PortasnnNetParser.EQ)
                self.state = 87
                self.expr(0)
                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.PopulationStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 8)
                self.state = 88
                self.match(PortasnnNetParser.POPULATION)
                self.state = 89
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 90
                self.match(PortasnnNetParser.COLON)
                self.state = 91
                localctx.size = self.expr(0)
                self.state = 92
                localctx.model = self.match(PortasnnNetParser.IDENT)
                self.state = 94
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==38:
                    self.state = 93
                    self.block()


                self.state = 100
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==33:
                    self.state = 96
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 97
                    self.option()
                    self.state = 102
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 9:
                localctx = PortasnnNetParser.ConnectStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 9)
                self.state = 103
                self.match(PortasnnNetParser.CONNECT)
                self.state = 106
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,10,self._ctx)
                if la_ == 1:
                    self.state = 104
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 105
                    self.match(PortasnnNetParser.COLON)


                self.state = 108
                localctx.pre = self.match(PortasnnNetParser.IDENT)
                self.state = 109
                self.match(PortasnnNetParser.ARROW)
                self.state = 110
                localctx.post = self.match(PortasnnNetParser.IDENT)
                self.state = 111
                self.match(PortasnnNetParser.COLON)
                self.state = 112
                self.rule_()
                self.state = 117
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==33:
                    self.state = 113
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 114
                    self.option()
                    self.state = 119
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 10:
                localctx = PortasnnNetParser.StimulusStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 10)
                self.state = 120
                self.match(PortasnnNetParser.STIMULUS)
                self.state = 121
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 122
                self.match(PortasnnNetParser.COLON)
                self.state = 123
                self.call()
                self.state = 124
                self.match(PortasnnNetParser.ARROW)
                self.state = 125
                self.target()
                self.state = 130
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,12,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 126
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 127
                        self.target() 
                    self.state = 132
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,12,self._ctx)

                self.state = 144
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,15,self._ctx)
                if la_ == 1:
                    self.state = 134
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    if _la==33:
                        self.state = 133
                        self.match(PortasnnNetParser.COMMA)


                    self.state = 136
                    self.option()
                    self.state = 141
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==33:
                        self.state = 137
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 138
                        self.option()
                        self.state = 143
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                pass

            elif la_ == 11:
                localctx = PortasnnNetParser.RecordStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 11)
                self.state = 146
                self.match(PortasnnNetParser.RECORD)
                self.state = 149
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,16,self._ctx)
                if la_ == 1:
                    self.state = 147
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 148
                    self.match(PortasnnNetParser.COLON)


                self.state = 151
                self.match(PortasnnNetParser.IDENT)
                self.state = 156
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==33:
                    self.state = 152
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 153
                    self.match(PortasnnNetParser.IDENT)
                    self.state = 158
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                self.state = 159
                self.match(PortasnnNetParser.OF)
                self.state = 160
                self.target()
                self.state = 163
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==14:
                    self.state = 161
                    self.match(PortasnnNetParser.EVERY)
                    self.state = 162
                    localctx.interval = self.expr(0)


                pass

            elif la_ == 12:
                localctx = PortasnnNetParser.RecordProjectionStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 12)
                self.state = 165
                self.match(PortasnnNetParser.RECORD)
                self.state = 168
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,19,self._ctx)
                if la_ == 1:
                    self.state = 166
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 167
                    self.match(PortasnnNetParser.COLON)


                self.state = 170
                localctx.what = self.match(PortasnnNetParser.IDENT)
                self.state = 171
                self.match(PortasnnNetParser.OF)
                self.state = 172
                localctx.pre = self.match(PortasnnNetParser.IDENT)
                self.state = 173
                self.match(PortasnnNetParser.ARROW)
                self.state = 174
                localctx.post = self.target()
                self.state = 177
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==14:
                    self.state = 175
                    self.match(PortasnnNetParser.EVERY)
                    self.state = 176
                    localctx.interval = self.expr(0)


                pass

            elif la_ == 13:
                localctx = PortasnnNetParser.SimulateStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 13)
                self.state = 179
                self.match(PortasnnNetParser.SIMULATE)
                self.state = 180
                localctx.duration = self.expr(0)
                self.state = 184
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while (((_la) & ~0x3f) == 0 and ((1 << _la) & 983040) != 0):
                    self.state = 181
                    self.simOption()
                    self.state = 186
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class BlockContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser

        def LBRACE(self):
            return self.getToken(PortasnnNetParser.LBRACE, 0)

        def RBRACE(self):
            return self.getToken(PortasnnNetParser.RBRACE, 0)

        def item(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ItemContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ItemContext,i)


        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_block

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitBlock" ):
                return visitor.visitBlock(self)
            else:
                return visitor.visitChildren(self)




    def block(self):

        localctx = PortasnnNetParser.BlockContext(self, self._ctx, self.state)
        self.enterRule(localctx, 4, self.RULE_block)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 189
            self.match(PortasnnNetParser.LBRACE)
            self.state = 201
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==9 or _la==41:
                self.state = 190
                self.item()
                self.state = 195
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,23,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 191
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 192
                        self.item() 
                    self.state = 197
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,23,self._ctx)

                self.state = 199
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==33:
                    self.state = 198
                    self.match(PortasnnNetParser.COMMA)




            self.state = 203
            self.match(PortasnnNetParser.RBRACE)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class ItemContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token
            self.op = None # Token

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)

        def TILDE(self):
            return self.getToken(PortasnnNetParser.TILDE, 0)

        def INITIAL(self):
            return self.getToken(PortasnnNetParser.INITIAL, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_item

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitItem" ):
                return visitor.visitItem(self)
            else:
                return visitor.visitChildren(self)




    def item(self):

        localctx = PortasnnNetParser.ItemContext(self, self._ctx, self.state)
        self.enterRule(localctx, 6, self.RULE_item)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 206
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==9:
                self.state = 205
                self.match(PortasnnNetParser.INITIAL)


            self.state = 208
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 209
            localctx.op = self._input.LT(1)
            _la = self._input.LA(1)
            if not(_la==30 or _la==31):
                localctx.op = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 210
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class OptionContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token

        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def SYNAPSE(self):
            return self.getToken(PortasnnNetParser.SYNAPSE, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_option

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitOption" ):
                return visitor.visitOption(self)
            else:
                return visitor.visitChildren(self)




    def option(self):

        localctx = PortasnnNetParser.OptionContext(self, self._ctx, self.state)
        self.enterRule(localctx, 8, self.RULE_option)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 212
            localctx.name = self._input.LT(1)
            _la = self._input.LA(1)
            if not(_la==20 or _la==41):
                localctx.name = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 213
            self.match(PortasnnNetParser.EQ)
            self.state = 214
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class TargetContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def LBRACK(self):
            return self.getToken(PortasnnNetParser.LBRACK, 0)

        def subset(self):
            return self.getTypedRuleContext(PortasnnNetParser.SubsetContext,0)


        def RBRACK(self):
            return self.getToken(PortasnnNetParser.RBRACK, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_target

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitTarget" ):
                return visitor.visitTarget(self)
            else:
                return visitor.visitChildren(self)




    def target(self):

        localctx = PortasnnNetParser.TargetContext(self, self._ctx, self.state)
        self.enterRule(localctx, 10, self.RULE_target)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 216
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 221
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==36:
                self.state = 217
                self.match(PortasnnNetParser.LBRACK)
                self.state = 218
                self.subset()
                self.state = 219
                self.match(PortasnnNetParser.RBRACK)


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class SubsetContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_subset

     
        def copyFrom(self, ctx:ParserRuleContext):
            super().copyFrom(ctx)



    class ListSubsetContext(SubsetContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.SubsetContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitListSubset" ):
                return visitor.visitListSubset(self)
            else:
                return visitor.visitChildren(self)


    class RangeSubsetContext(SubsetContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.SubsetContext
            super().__init__(parser)
            self.lo = None # ExprContext
            self.hi = None # ExprContext
            self.copyFrom(ctx)

        def COLON(self):
            return self.getToken(PortasnnNetParser.COLON, 0)
        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitRangeSubset" ):
                return visitor.visitRangeSubset(self)
            else:
                return visitor.visitChildren(self)



    def subset(self):

        localctx = PortasnnNetParser.SubsetContext(self, self._ctx, self.state)
        self.enterRule(localctx, 12, self.RULE_subset)
        self._la = 0 # Token type
        try:
            self.state = 235
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,29,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.RangeSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 223
                localctx.lo = self.expr(0)
                self.state = 224
                self.match(PortasnnNetParser.COLON)
                self.state = 225
                localctx.hi = self.expr(0)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.ListSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 227
                self.expr(0)
                self.state = 232
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==33:
                    self.state = 228
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 229
                    self.expr(0)
                    self.state = 234
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class SimOptionContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.key = None # Token

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def RESOLUTION(self):
            return self.getToken(PortasnnNetParser.RESOLUTION, 0)

        def SEED(self):
            return self.getToken(PortasnnNetParser.SEED, 0)

        def THREADS(self):
            return self.getToken(PortasnnNetParser.THREADS, 0)

        def PROCESSES(self):
            return self.getToken(PortasnnNetParser.PROCESSES, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_simOption

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitSimOption" ):
                return visitor.visitSimOption(self)
            else:
                return visitor.visitChildren(self)




    def simOption(self):

        localctx = PortasnnNetParser.SimOptionContext(self, self._ctx, self.state)
        self.enterRule(localctx, 14, self.RULE_simOption)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 237
            localctx.key = self._input.LT(1)
            _la = self._input.LA(1)
            if not((((_la) & ~0x3f) == 0 and ((1 << _la) & 983040) != 0)):
                localctx.key = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 238
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class CallContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.fn = None # Token

        def LPAREN(self):
            return self.getToken(PortasnnNetParser.LPAREN, 0)

        def RPAREN(self):
            return self.getToken(PortasnnNetParser.RPAREN, 0)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def arg(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ArgContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ArgContext,i)


        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_call

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitCall" ):
                return visitor.visitCall(self)
            else:
                return visitor.visitChildren(self)




    def call(self):

        localctx = PortasnnNetParser.CallContext(self, self._ctx, self.state)
        self.enterRule(localctx, 16, self.RULE_call)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 240
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 241
            self.match(PortasnnNetParser.LPAREN)
            self.state = 250
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if (((_la) & ~0x3f) == 0 and ((1 << _la) & 7783300726784) != 0):
                self.state = 242
                self.arg()
                self.state = 247
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==33:
                    self.state = 243
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 244
                    self.arg()
                    self.state = 249
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)



            self.state = 252
            self.match(PortasnnNetParser.RPAREN)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class RuleContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.fn = None # Token

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def LPAREN(self):
            return self.getToken(PortasnnNetParser.LPAREN, 0)

        def RPAREN(self):
            return self.getToken(PortasnnNetParser.RPAREN, 0)

        def arg(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ArgContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ArgContext,i)


        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_rule

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitRule" ):
                return visitor.visitRule(self)
            else:
                return visitor.visitChildren(self)




    def rule_(self):

        localctx = PortasnnNetParser.RuleContext(self, self._ctx, self.state)
        self.enterRule(localctx, 18, self.RULE_rule)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 254
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 267
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==34:
                self.state = 255
                self.match(PortasnnNetParser.LPAREN)
                self.state = 264
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 7783300726784) != 0):
                    self.state = 256
                    self.arg()
                    self.state = 261
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==33:
                        self.state = 257
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 258
                        self.arg()
                        self.state = 263
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 266
                self.match(PortasnnNetParser.RPAREN)


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class ArgContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.name = None # Token

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)


        def EQ(self):
            return self.getToken(PortasnnNetParser.EQ, 0)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_arg

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitArg" ):
                return visitor.visitArg(self)
            else:
                return visitor.visitChildren(self)




    def arg(self):

        localctx = PortasnnNetParser.ArgContext(self, self._ctx, self.state)
        self.enterRule(localctx, 20, self.RULE_arg)
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 271
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,35,self._ctx)
            if la_ == 1:
                self.state = 269
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 270
                self.match(PortasnnNetParser.EQ)


            self.state = 273
            self.expr(0)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class ExprContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_expr

     
        def copyFrom(self, ctx:ParserRuleContext):
            super().copyFrom(ctx)


    class StringExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def STRING(self):
            return self.getToken(PortasnnNetParser.STRING, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitStringExpr" ):
                return visitor.visitStringExpr(self)
            else:
                return visitor.visitChildren(self)


    class UnaryExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.op = None # Token
            self.copyFrom(ctx)

        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def MINUS(self):
            return self.getToken(PortasnnNetParser.MINUS, 0)
        def PLUS(self):
            return self.getToken(PortasnnNetParser.PLUS, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitUnaryExpr" ):
                return visitor.visitUnaryExpr(self)
            else:
                return visitor.visitChildren(self)


    class AddExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.left = None # ExprContext
            self.op = None # Token
            self.right = None # ExprContext
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def PLUS(self):
            return self.getToken(PortasnnNetParser.PLUS, 0)
        def MINUS(self):
            return self.getToken(PortasnnNetParser.MINUS, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitAddExpr" ):
                return visitor.visitAddExpr(self)
            else:
                return visitor.visitChildren(self)


    class NumberExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def NUMBER(self):
            return self.getToken(PortasnnNetParser.NUMBER, 0)
        def unit(self):
            return self.getTypedRuleContext(PortasnnNetParser.UnitContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitNumberExpr" ):
                return visitor.visitNumberExpr(self)
            else:
                return visitor.visitChildren(self)


    class MulExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.left = None # ExprContext
            self.op = None # Token
            self.right = None # ExprContext
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def STAR(self):
            return self.getToken(PortasnnNetParser.STAR, 0)
        def SLASH(self):
            return self.getToken(PortasnnNetParser.SLASH, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitMulExpr" ):
                return visitor.visitMulExpr(self)
            else:
                return visitor.visitChildren(self)


    class CallExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def call(self):
            return self.getTypedRuleContext(PortasnnNetParser.CallContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitCallExpr" ):
                return visitor.visitCallExpr(self)
            else:
                return visitor.visitChildren(self)


    class BoolExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def TRUE(self):
            return self.getToken(PortasnnNetParser.TRUE, 0)
        def FALSE(self):
            return self.getToken(PortasnnNetParser.FALSE, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitBoolExpr" ):
                return visitor.visitBoolExpr(self)
            else:
                return visitor.visitChildren(self)


    class PowExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.left = None # ExprContext
            self.op = None # Token
            self.right = None # ExprContext
            self.copyFrom(ctx)

        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def POW(self):
            return self.getToken(PortasnnNetParser.POW, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitPowExpr" ):
                return visitor.visitPowExpr(self)
            else:
                return visitor.visitChildren(self)


    class ListExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def LBRACK(self):
            return self.getToken(PortasnnNetParser.LBRACK, 0)
        def RBRACK(self):
            return self.getToken(PortasnnNetParser.RBRACK, 0)
        def expr(self, i:int=None):
            if i is None:
                return self.getTypedRuleContexts(PortasnnNetParser.ExprContext)
            else:
                return self.getTypedRuleContext(PortasnnNetParser.ExprContext,i)

        def COMMA(self, i:int=None):
            if i is None:
                return self.getTokens(PortasnnNetParser.COMMA)
            else:
                return self.getToken(PortasnnNetParser.COMMA, i)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitListExpr" ):
                return visitor.visitListExpr(self)
            else:
                return visitor.visitChildren(self)


    class UnitExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def unit(self):
            return self.getTypedRuleContext(PortasnnNetParser.UnitContext,0)


        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitUnitExpr" ):
                return visitor.visitUnitExpr(self)
            else:
                return visitor.visitChildren(self)


    class NameExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def IDENT(self):
            return self.getToken(PortasnnNetParser.IDENT, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitNameExpr" ):
                return visitor.visitNameExpr(self)
            else:
                return visitor.visitChildren(self)


    class ParenExprContext(ExprContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.ExprContext
            super().__init__(parser)
            self.copyFrom(ctx)

        def LPAREN(self):
            return self.getToken(PortasnnNetParser.LPAREN, 0)
        def expr(self):
            return self.getTypedRuleContext(PortasnnNetParser.ExprContext,0)

        def RPAREN(self):
            return self.getToken(PortasnnNetParser.RPAREN, 0)

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitParenExpr" ):
                return visitor.visitParenExpr(self)
            else:
                return visitor.visitChildren(self)



    def expr(self, _p:int=0):
        _parentctx = self._ctx
        _parentState = self.state
        localctx = PortasnnNetParser.ExprContext(self, self._ctx, _parentState)
        _prevctx = localctx
        _startState = 22
        self.enterRecursionRule(localctx, 22, self.RULE_expr, _p)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 303
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,39,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.UnaryExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx

                self.state = 276
                localctx.op = self._input.LT(1)
                _la = self._input.LA(1)
                if not(_la==28 or _la==29):
                    localctx.op = self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                self.state = 277
                self.expr(11)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.NumberExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 278
                self.match(PortasnnNetParser.NUMBER)
                self.state = 280
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,36,self._ctx)
                if la_ == 1:
                    self.state = 279
                    self.unit()


                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.UnitExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 282
                self.unit()
                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.CallExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 283
                self.call()
                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.NameExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 284
                self.match(PortasnnNetParser.IDENT)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.BoolExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 285
                _la = self._input.LA(1)
                if not(_la==21 or _la==22):
                    self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.StringExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 286
                self.match(PortasnnNetParser.STRING)
                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.ListExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 287
                self.match(PortasnnNetParser.LBRACK)
                self.state = 296
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 7783300726784) != 0):
                    self.state = 288
                    self.expr(0)
                    self.state = 293
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==33:
                        self.state = 289
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 290
                        self.expr(0)
                        self.state = 295
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 298
                self.match(PortasnnNetParser.RBRACK)
                pass

            elif la_ == 9:
                localctx = PortasnnNetParser.ParenExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 299
                self.match(PortasnnNetParser.LPAREN)
                self.state = 300
                self.expr(0)
                self.state = 301
                self.match(PortasnnNetParser.RPAREN)
                pass


            self._ctx.stop = self._input.LT(-1)
            self.state = 316
            self._errHandler.sync(self)
            _alt = self._interp.adaptivePredict(self._input,41,self._ctx)
            while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                if _alt==1:
                    if self._parseListeners is not None:
                        self.triggerExitRuleEvent()
                    _prevctx = localctx
                    self.state = 314
                    self._errHandler.sync(self)
                    la_ = self._interp.adaptivePredict(self._input,40,self._ctx)
                    if la_ == 1:
                        localctx = PortasnnNetParser.PowExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 305
                        if not self.precpred(self._ctx, 12):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 12)")
                        self.state = 306
                        localctx.op = self.match(PortasnnNetParser.POW)
                        self.state = 307
                        localctx.right = self.expr(12)
                        pass

                    elif la_ == 2:
                        localctx = PortasnnNetParser.MulExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 308
                        if not self.precpred(self._ctx, 10):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 10)")
                        self.state = 309
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==26 or _la==27):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 310
                        localctx.right = self.expr(11)
                        pass

                    elif la_ == 3:
                        localctx = PortasnnNetParser.AddExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 311
                        if not self.precpred(self._ctx, 9):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 9)")
                        self.state = 312
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==28 or _la==29):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 313
                        localctx.right = self.expr(10)
                        pass

             
                self.state = 318
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,41,self._ctx)

        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.unrollRecursionContexts(_parentctx)
        return localctx


    class UnitContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser
            self.exponent = None # SignedIntContext

        def UNIT(self):
            return self.getToken(PortasnnNetParser.UNIT, 0)

        def POW(self):
            return self.getToken(PortasnnNetParser.POW, 0)

        def signedInt(self):
            return self.getTypedRuleContext(PortasnnNetParser.SignedIntContext,0)


        def getRuleIndex(self):
            return PortasnnNetParser.RULE_unit

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitUnit" ):
                return visitor.visitUnit(self)
            else:
                return visitor.visitChildren(self)




    def unit(self):

        localctx = PortasnnNetParser.UnitContext(self, self._ctx, self.state)
        self.enterRule(localctx, 24, self.RULE_unit)
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 319
            self.match(PortasnnNetParser.UNIT)
            self.state = 322
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,42,self._ctx)
            if la_ == 1:
                self.state = 320
                self.match(PortasnnNetParser.POW)
                self.state = 321
                localctx.exponent = self.signedInt()


        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx


    class SignedIntContext(ParserRuleContext):
        __slots__ = 'parser'

        def __init__(self, parser, parent:ParserRuleContext=None, invokingState:int=-1):
            super().__init__(parent, invokingState)
            self.parser = parser

        def NUMBER(self):
            return self.getToken(PortasnnNetParser.NUMBER, 0)

        def MINUS(self):
            return self.getToken(PortasnnNetParser.MINUS, 0)

        def getRuleIndex(self):
            return PortasnnNetParser.RULE_signedInt

        def accept(self, visitor:ParseTreeVisitor):
            if hasattr( visitor, "visitSignedInt" ):
                return visitor.visitSignedInt(self)
            else:
                return visitor.visitChildren(self)




    def signedInt(self):

        localctx = PortasnnNetParser.SignedIntContext(self, self._ctx, self.state)
        self.enterRule(localctx, 26, self.RULE_signedInt)
        self._la = 0 # Token type
        try:
            self.enterOuterAlt(localctx, 1)
            self.state = 325
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==29:
                self.state = 324
                self.match(PortasnnNetParser.MINUS)


            self.state = 327
            self.match(PortasnnNetParser.NUMBER)
        except RecognitionException as re:
            localctx.exception = re
            self._errHandler.reportError(self, re)
            self._errHandler.recover(self, re)
        finally:
            self.exitRule()
        return localctx



    def sempred(self, localctx:RuleContext, ruleIndex:int, predIndex:int):
        if self._predicates == None:
            self._predicates = dict()
        self._predicates[11] = self.expr_sempred
        pred = self._predicates.get(ruleIndex, None)
        if pred is None:
            raise Exception("No predicate with index:" + str(ruleIndex))
        else:
            return pred(localctx, predIndex)

    def expr_sempred(self, localctx:ExprContext, predIndex:int):
            if predIndex == 0:
                return self.precpred(self._ctx, 12)
         

            if predIndex == 1:
                return self.precpred(self._ctx, 10)
         

            if predIndex == 2:
                return self.precpred(self._ctx, 9)
         




