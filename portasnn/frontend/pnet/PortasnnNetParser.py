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
        4,1,43,322,2,0,7,0,2,1,7,1,2,2,7,2,2,3,7,3,2,4,7,4,2,5,7,5,2,6,7,
        6,2,7,7,7,2,8,7,8,2,9,7,9,2,10,7,10,2,11,7,11,2,12,7,12,2,13,7,13,
        1,0,5,0,30,8,0,10,0,12,0,33,9,0,1,0,1,0,1,1,1,1,1,1,3,1,40,8,1,1,
        1,1,1,1,1,1,1,1,1,1,1,3,1,48,8,1,1,1,1,1,1,1,3,1,53,8,1,1,1,1,1,
        5,1,57,8,1,10,1,12,1,60,9,1,1,1,1,1,1,1,1,1,1,1,1,1,3,1,68,8,1,1,
        1,1,1,1,1,1,1,1,1,3,1,75,8,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
        1,1,3,1,87,8,1,1,1,1,1,5,1,91,8,1,10,1,12,1,94,9,1,1,1,1,1,1,1,3,
        1,99,8,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,5,1,108,8,1,10,1,12,1,111,9,
        1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,5,1,121,8,1,10,1,12,1,124,9,1,
        1,1,3,1,127,8,1,1,1,1,1,1,1,5,1,132,8,1,10,1,12,1,135,9,1,3,1,137,
        8,1,1,1,1,1,1,1,3,1,142,8,1,1,1,1,1,1,1,5,1,147,8,1,10,1,12,1,150,
        9,1,1,1,1,1,1,1,1,1,3,1,156,8,1,1,1,1,1,1,1,3,1,161,8,1,1,1,1,1,
        1,1,1,1,1,1,1,1,1,1,3,1,170,8,1,1,1,1,1,1,1,5,1,175,8,1,10,1,12,
        1,178,9,1,3,1,180,8,1,1,2,1,2,1,2,1,2,5,2,186,8,2,10,2,12,2,189,
        9,2,1,2,3,2,192,8,2,3,2,194,8,2,1,2,1,2,1,3,3,3,199,8,3,1,3,1,3,
        1,3,1,3,1,4,1,4,1,4,1,4,1,5,1,5,1,5,1,5,1,5,3,5,214,8,5,1,6,1,6,
        1,6,1,6,1,6,1,6,1,6,5,6,223,8,6,10,6,12,6,226,9,6,3,6,228,8,6,1,
        7,1,7,1,7,1,8,1,8,1,8,1,8,1,8,5,8,238,8,8,10,8,12,8,241,9,8,3,8,
        243,8,8,1,8,1,8,1,9,1,9,1,9,1,9,1,9,5,9,252,8,9,10,9,12,9,255,9,
        9,3,9,257,8,9,1,9,3,9,260,8,9,1,10,1,10,3,10,264,8,10,1,10,1,10,
        1,11,1,11,1,11,1,11,1,11,3,11,273,8,11,1,11,1,11,1,11,1,11,1,11,
        1,11,1,11,1,11,1,11,5,11,284,8,11,10,11,12,11,287,9,11,3,11,289,
        8,11,1,11,1,11,1,11,1,11,1,11,3,11,296,8,11,1,11,1,11,1,11,1,11,
        1,11,1,11,1,11,1,11,1,11,5,11,307,8,11,10,11,12,11,310,9,11,1,12,
        1,12,1,12,3,12,315,8,12,1,13,3,13,318,8,13,1,13,1,13,1,13,0,1,22,
        14,0,2,4,6,8,10,12,14,16,18,20,22,24,26,0,6,1,0,29,30,2,0,19,19,
        40,40,1,0,15,18,1,0,27,28,1,0,20,21,1,0,25,26,368,0,31,1,0,0,0,2,
        179,1,0,0,0,4,181,1,0,0,0,6,198,1,0,0,0,8,204,1,0,0,0,10,208,1,0,
        0,0,12,227,1,0,0,0,14,229,1,0,0,0,16,232,1,0,0,0,18,246,1,0,0,0,
        20,263,1,0,0,0,22,295,1,0,0,0,24,311,1,0,0,0,26,317,1,0,0,0,28,30,
        3,2,1,0,29,28,1,0,0,0,30,33,1,0,0,0,31,29,1,0,0,0,31,32,1,0,0,0,
        32,34,1,0,0,0,33,31,1,0,0,0,34,35,5,0,0,1,35,1,1,0,0,0,36,39,5,1,
        0,0,37,40,5,40,0,0,38,40,5,41,0,0,39,37,1,0,0,0,39,38,1,0,0,0,40,
        180,1,0,0,0,41,42,5,2,0,0,42,180,5,41,0,0,43,44,5,3,0,0,44,47,5,
        40,0,0,45,46,5,29,0,0,46,48,5,40,0,0,47,45,1,0,0,0,47,48,1,0,0,0,
        48,49,1,0,0,0,49,50,5,4,0,0,50,52,5,41,0,0,51,53,3,4,2,0,52,51,1,
        0,0,0,52,53,1,0,0,0,53,58,1,0,0,0,54,55,5,32,0,0,55,57,3,8,4,0,56,
        54,1,0,0,0,57,60,1,0,0,0,58,56,1,0,0,0,58,59,1,0,0,0,59,180,1,0,
        0,0,60,58,1,0,0,0,61,62,5,3,0,0,62,63,5,40,0,0,63,64,5,29,0,0,64,
        65,5,5,0,0,65,67,5,40,0,0,66,68,3,4,2,0,67,66,1,0,0,0,67,68,1,0,
        0,0,68,180,1,0,0,0,69,70,5,19,0,0,70,71,5,40,0,0,71,72,5,4,0,0,72,
        74,5,41,0,0,73,75,3,4,2,0,74,73,1,0,0,0,74,75,1,0,0,0,75,180,1,0,
        0,0,76,77,5,6,0,0,77,78,5,40,0,0,78,79,5,29,0,0,79,180,3,22,11,0,
        80,81,5,7,0,0,81,82,5,40,0,0,82,83,5,31,0,0,83,84,3,22,11,0,84,86,
        5,40,0,0,85,87,3,4,2,0,86,85,1,0,0,0,86,87,1,0,0,0,87,92,1,0,0,0,
        88,89,5,32,0,0,89,91,3,8,4,0,90,88,1,0,0,0,91,94,1,0,0,0,92,90,1,
        0,0,0,92,93,1,0,0,0,93,180,1,0,0,0,94,92,1,0,0,0,95,98,5,9,0,0,96,
        97,5,40,0,0,97,99,5,31,0,0,98,96,1,0,0,0,98,99,1,0,0,0,99,100,1,
        0,0,0,100,101,5,40,0,0,101,102,5,23,0,0,102,103,5,40,0,0,103,104,
        5,31,0,0,104,109,3,18,9,0,105,106,5,32,0,0,106,108,3,8,4,0,107,105,
        1,0,0,0,108,111,1,0,0,0,109,107,1,0,0,0,109,110,1,0,0,0,110,180,
        1,0,0,0,111,109,1,0,0,0,112,113,5,10,0,0,113,114,5,40,0,0,114,115,
        5,31,0,0,115,116,3,16,8,0,116,117,5,23,0,0,117,122,3,10,5,0,118,
        119,5,32,0,0,119,121,3,10,5,0,120,118,1,0,0,0,121,124,1,0,0,0,122,
        120,1,0,0,0,122,123,1,0,0,0,123,136,1,0,0,0,124,122,1,0,0,0,125,
        127,5,32,0,0,126,125,1,0,0,0,126,127,1,0,0,0,127,128,1,0,0,0,128,
        133,3,8,4,0,129,130,5,32,0,0,130,132,3,8,4,0,131,129,1,0,0,0,132,
        135,1,0,0,0,133,131,1,0,0,0,133,134,1,0,0,0,134,137,1,0,0,0,135,
        133,1,0,0,0,136,126,1,0,0,0,136,137,1,0,0,0,137,180,1,0,0,0,138,
        141,5,11,0,0,139,140,5,40,0,0,140,142,5,31,0,0,141,139,1,0,0,0,141,
        142,1,0,0,0,142,143,1,0,0,0,143,148,5,40,0,0,144,145,5,32,0,0,145,
        147,5,40,0,0,146,144,1,0,0,0,147,150,1,0,0,0,148,146,1,0,0,0,148,
        149,1,0,0,0,149,151,1,0,0,0,150,148,1,0,0,0,151,152,5,12,0,0,152,
        155,3,10,5,0,153,154,5,13,0,0,154,156,3,22,11,0,155,153,1,0,0,0,
        155,156,1,0,0,0,156,180,1,0,0,0,157,160,5,11,0,0,158,159,5,40,0,
        0,159,161,5,31,0,0,160,158,1,0,0,0,160,161,1,0,0,0,161,162,1,0,0,
        0,162,163,5,40,0,0,163,164,5,12,0,0,164,165,5,40,0,0,165,166,5,23,
        0,0,166,169,5,40,0,0,167,168,5,13,0,0,168,170,3,22,11,0,169,167,
        1,0,0,0,169,170,1,0,0,0,170,180,1,0,0,0,171,172,5,14,0,0,172,176,
        3,22,11,0,173,175,3,14,7,0,174,173,1,0,0,0,175,178,1,0,0,0,176,174,
        1,0,0,0,176,177,1,0,0,0,177,180,1,0,0,0,178,176,1,0,0,0,179,36,1,
        0,0,0,179,41,1,0,0,0,179,43,1,0,0,0,179,61,1,0,0,0,179,69,1,0,0,
        0,179,76,1,0,0,0,179,80,1,0,0,0,179,95,1,0,0,0,179,112,1,0,0,0,179,
        138,1,0,0,0,179,157,1,0,0,0,179,171,1,0,0,0,180,3,1,0,0,0,181,193,
        5,37,0,0,182,187,3,6,3,0,183,184,5,32,0,0,184,186,3,6,3,0,185,183,
        1,0,0,0,186,189,1,0,0,0,187,185,1,0,0,0,187,188,1,0,0,0,188,191,
        1,0,0,0,189,187,1,0,0,0,190,192,5,32,0,0,191,190,1,0,0,0,191,192,
        1,0,0,0,192,194,1,0,0,0,193,182,1,0,0,0,193,194,1,0,0,0,194,195,
        1,0,0,0,195,196,5,38,0,0,196,5,1,0,0,0,197,199,5,8,0,0,198,197,1,
        0,0,0,198,199,1,0,0,0,199,200,1,0,0,0,200,201,5,40,0,0,201,202,7,
        0,0,0,202,203,3,22,11,0,203,7,1,0,0,0,204,205,7,1,0,0,205,206,5,
        29,0,0,206,207,3,22,11,0,207,9,1,0,0,0,208,213,5,40,0,0,209,210,
        5,35,0,0,210,211,3,12,6,0,211,212,5,36,0,0,212,214,1,0,0,0,213,209,
        1,0,0,0,213,214,1,0,0,0,214,11,1,0,0,0,215,216,3,22,11,0,216,217,
        5,31,0,0,217,218,3,22,11,0,218,228,1,0,0,0,219,224,3,22,11,0,220,
        221,5,32,0,0,221,223,3,22,11,0,222,220,1,0,0,0,223,226,1,0,0,0,224,
        222,1,0,0,0,224,225,1,0,0,0,225,228,1,0,0,0,226,224,1,0,0,0,227,
        215,1,0,0,0,227,219,1,0,0,0,228,13,1,0,0,0,229,230,7,2,0,0,230,231,
        3,22,11,0,231,15,1,0,0,0,232,233,5,40,0,0,233,242,5,33,0,0,234,239,
        3,20,10,0,235,236,5,32,0,0,236,238,3,20,10,0,237,235,1,0,0,0,238,
        241,1,0,0,0,239,237,1,0,0,0,239,240,1,0,0,0,240,243,1,0,0,0,241,
        239,1,0,0,0,242,234,1,0,0,0,242,243,1,0,0,0,243,244,1,0,0,0,244,
        245,5,34,0,0,245,17,1,0,0,0,246,259,5,40,0,0,247,256,5,33,0,0,248,
        253,3,20,10,0,249,250,5,32,0,0,250,252,3,20,10,0,251,249,1,0,0,0,
        252,255,1,0,0,0,253,251,1,0,0,0,253,254,1,0,0,0,254,257,1,0,0,0,
        255,253,1,0,0,0,256,248,1,0,0,0,256,257,1,0,0,0,257,258,1,0,0,0,
        258,260,5,34,0,0,259,247,1,0,0,0,259,260,1,0,0,0,260,19,1,0,0,0,
        261,262,5,40,0,0,262,264,5,29,0,0,263,261,1,0,0,0,263,264,1,0,0,
        0,264,265,1,0,0,0,265,266,3,22,11,0,266,21,1,0,0,0,267,268,6,11,
        -1,0,268,269,7,3,0,0,269,296,3,22,11,11,270,272,5,39,0,0,271,273,
        3,24,12,0,272,271,1,0,0,0,272,273,1,0,0,0,273,296,1,0,0,0,274,296,
        3,24,12,0,275,296,3,16,8,0,276,296,5,40,0,0,277,296,7,4,0,0,278,
        296,5,41,0,0,279,288,5,35,0,0,280,285,3,22,11,0,281,282,5,32,0,0,
        282,284,3,22,11,0,283,281,1,0,0,0,284,287,1,0,0,0,285,283,1,0,0,
        0,285,286,1,0,0,0,286,289,1,0,0,0,287,285,1,0,0,0,288,280,1,0,0,
        0,288,289,1,0,0,0,289,290,1,0,0,0,290,296,5,36,0,0,291,292,5,33,
        0,0,292,293,3,22,11,0,293,294,5,34,0,0,294,296,1,0,0,0,295,267,1,
        0,0,0,295,270,1,0,0,0,295,274,1,0,0,0,295,275,1,0,0,0,295,276,1,
        0,0,0,295,277,1,0,0,0,295,278,1,0,0,0,295,279,1,0,0,0,295,291,1,
        0,0,0,296,308,1,0,0,0,297,298,10,12,0,0,298,299,5,24,0,0,299,307,
        3,22,11,12,300,301,10,10,0,0,301,302,7,5,0,0,302,307,3,22,11,11,
        303,304,10,9,0,0,304,305,7,3,0,0,305,307,3,22,11,10,306,297,1,0,
        0,0,306,300,1,0,0,0,306,303,1,0,0,0,307,310,1,0,0,0,308,306,1,0,
        0,0,308,309,1,0,0,0,309,23,1,0,0,0,310,308,1,0,0,0,311,314,5,22,
        0,0,312,313,5,24,0,0,313,315,3,26,13,0,314,312,1,0,0,0,314,315,1,
        0,0,0,315,25,1,0,0,0,316,318,5,28,0,0,317,316,1,0,0,0,317,318,1,
        0,0,0,318,319,1,0,0,0,319,320,5,39,0,0,320,27,1,0,0,0,43,31,39,47,
        52,58,67,74,86,92,98,109,122,126,133,136,141,148,155,160,169,176,
        179,187,191,193,198,213,224,227,239,242,253,256,259,263,272,285,
        288,295,306,308,314,317
    ]

class PortasnnNetParser ( Parser ):

    grammarFileName = "PortasnnNet.g4"

    atn = ATNDeserializer().deserialize(serializedATN())

    decisionsToDFA = [ DFA(ds, i) for i, ds in enumerate(atn.decisionToState) ]

    sharedContextCache = PredictionContextCache()

    literalNames = [ "<INVALID>", "'network'", "'include'", "'model'", "'from'", 
                     "'nest'", "'let'", "'population'", "'initial'", "'connect'", 
                     "'stimulus'", "'record'", "'of'", "'every'", "'simulate'", 
                     "'resolution'", "'seed'", "'threads'", "'processes'", 
                     "'synapse'", "'true'", "'false'", "<INVALID>", "'->'", 
                     "'**'", "'*'", "'/'", "'+'", "'-'", "'='", "'~'", "':'", 
                     "','", "'('", "')'", "'['", "']'", "'{'", "'}'" ]

    symbolicNames = [ "<INVALID>", "NETWORK", "INCLUDE", "MODEL", "FROM", 
                      "NEST", "LET", "POPULATION", "INITIAL", "CONNECT", 
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
    LET=6
    POPULATION=7
    INITIAL=8
    CONNECT=9
    STIMULUS=10
    RECORD=11
    OF=12
    EVERY=13
    SIMULATE=14
    RESOLUTION=15
    SEED=16
    THREADS=17
    PROCESSES=18
    SYNAPSE=19
    TRUE=20
    FALSE=21
    UNIT=22
    ARROW=23
    POW=24
    STAR=25
    SLASH=26
    PLUS=27
    MINUS=28
    EQ=29
    TILDE=30
    COLON=31
    COMMA=32
    LPAREN=33
    RPAREN=34
    LBRACK=35
    RBRACK=36
    LBRACE=37
    RBRACE=38
    NUMBER=39
    IDENT=40
    STRING=41
    COMMENT=42
    WS=43

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
            while (((_la) & ~0x3f) == 0 and ((1 << _la) & 544462) != 0):
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


    class RecordProjectionStmtContext(StatementContext):

        def __init__(self, parser, ctx:ParserRuleContext): # actually a PortasnnNetParser.StatementContext
            super().__init__(parser)
            self.name = None # Token
            self.what = None # Token
            self.pre = None # Token
            self.post = None # Token
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
            self.state = 179
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,21,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.NetworkStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 36
                self.match(PortasnnNetParser.NETWORK)
                self.state = 39
                self._errHandler.sync(self)
                token = self._input.LA(1)
                if token in [40]:
                    self.state = 37
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    pass
                elif token in [41]:
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
                if _la==29:
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
                if _la==37:
                    self.state = 51
                    self.block()


                self.state = 58
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==32:
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
                if _la==37:
                    self.state = 66
                    self.block()


                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.SynapseStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 5)
                self.state = 69
                self.match(PortasnnNetParser.SYNAPSE)
                self.state = 70
                localctx.key = self.match(PortasnnNetParser.IDENT)
                self.state = 71
                self.match(PortasnnNetParser.FROM)
                self.state = 72
                localctx.path = self.match(PortasnnNetParser.STRING)
                self.state = 74
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==37:
                    self.state = 73
                    self.block()


                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.LetStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 6)
                self.state = 76
                self.match(PortasnnNetParser.LET)
                self.state = 77
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 78
                self.match(PortasnnNetParser.EQ)
                self.state = 79
                self.expr(0)
                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.PopulationStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 7)
                self.state = 80
                self.match(PortasnnNetParser.POPULATION)
                self.state = 81
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 82
                self.match(PortasnnNetParser.COLON)
                self.state = 83
                localctx.size = self.expr(0)
                self.state = 84
                localctx.model = self.match(PortasnnNetParser.IDENT)
                self.state = 86
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==37:
                    self.state = 85
                    self.block()


                self.state = 92
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==32:
                    self.state = 88
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 89
                    self.option()
                    self.state = 94
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.ConnectStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 8)
                self.state = 95
                self.match(PortasnnNetParser.CONNECT)
                self.state = 98
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,9,self._ctx)
                if la_ == 1:
                    self.state = 96
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 97
                    self.match(PortasnnNetParser.COLON)


                self.state = 100
                localctx.pre = self.match(PortasnnNetParser.IDENT)
                self.state = 101
                self.match(PortasnnNetParser.ARROW)
                self.state = 102
                localctx.post = self.match(PortasnnNetParser.IDENT)
                self.state = 103
                self.match(PortasnnNetParser.COLON)
                self.state = 104
                self.rule_()
                self.state = 109
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==32:
                    self.state = 105
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 106
                    self.option()
                    self.state = 111
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                pass

            elif la_ == 9:
                localctx = PortasnnNetParser.StimulusStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 9)
                self.state = 112
                self.match(PortasnnNetParser.STIMULUS)
                self.state = 113
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 114
                self.match(PortasnnNetParser.COLON)
                self.state = 115
                self.call()
                self.state = 116
                self.match(PortasnnNetParser.ARROW)
                self.state = 117
                self.target()
                self.state = 122
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,11,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 118
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 119
                        self.target() 
                    self.state = 124
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,11,self._ctx)

                self.state = 136
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,14,self._ctx)
                if la_ == 1:
                    self.state = 126
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    if _la==32:
                        self.state = 125
                        self.match(PortasnnNetParser.COMMA)


                    self.state = 128
                    self.option()
                    self.state = 133
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==32:
                        self.state = 129
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 130
                        self.option()
                        self.state = 135
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                pass

            elif la_ == 10:
                localctx = PortasnnNetParser.RecordStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 10)
                self.state = 138
                self.match(PortasnnNetParser.RECORD)
                self.state = 141
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,15,self._ctx)
                if la_ == 1:
                    self.state = 139
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 140
                    self.match(PortasnnNetParser.COLON)


                self.state = 143
                self.match(PortasnnNetParser.IDENT)
                self.state = 148
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==32:
                    self.state = 144
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 145
                    self.match(PortasnnNetParser.IDENT)
                    self.state = 150
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)

                self.state = 151
                self.match(PortasnnNetParser.OF)
                self.state = 152
                self.target()
                self.state = 155
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==13:
                    self.state = 153
                    self.match(PortasnnNetParser.EVERY)
                    self.state = 154
                    localctx.interval = self.expr(0)


                pass

            elif la_ == 11:
                localctx = PortasnnNetParser.RecordProjectionStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 11)
                self.state = 157
                self.match(PortasnnNetParser.RECORD)
                self.state = 160
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,18,self._ctx)
                if la_ == 1:
                    self.state = 158
                    localctx.name = self.match(PortasnnNetParser.IDENT)
                    self.state = 159
                    self.match(PortasnnNetParser.COLON)


                self.state = 162
                localctx.what = self.match(PortasnnNetParser.IDENT)
                self.state = 163
                self.match(PortasnnNetParser.OF)
                self.state = 164
                localctx.pre = self.match(PortasnnNetParser.IDENT)
                self.state = 165
                self.match(PortasnnNetParser.ARROW)
                self.state = 166
                localctx.post = self.match(PortasnnNetParser.IDENT)
                self.state = 169
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==13:
                    self.state = 167
                    self.match(PortasnnNetParser.EVERY)
                    self.state = 168
                    localctx.interval = self.expr(0)


                pass

            elif la_ == 12:
                localctx = PortasnnNetParser.SimulateStmtContext(self, localctx)
                self.enterOuterAlt(localctx, 12)
                self.state = 171
                self.match(PortasnnNetParser.SIMULATE)
                self.state = 172
                localctx.duration = self.expr(0)
                self.state = 176
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while (((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0):
                    self.state = 173
                    self.simOption()
                    self.state = 178
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
            self.state = 181
            self.match(PortasnnNetParser.LBRACE)
            self.state = 193
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8 or _la==40:
                self.state = 182
                self.item()
                self.state = 187
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,22,self._ctx)
                while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                    if _alt==1:
                        self.state = 183
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 184
                        self.item() 
                    self.state = 189
                    self._errHandler.sync(self)
                    _alt = self._interp.adaptivePredict(self._input,22,self._ctx)

                self.state = 191
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if _la==32:
                    self.state = 190
                    self.match(PortasnnNetParser.COMMA)




            self.state = 195
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
            self.state = 198
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==8:
                self.state = 197
                self.match(PortasnnNetParser.INITIAL)


            self.state = 200
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 201
            localctx.op = self._input.LT(1)
            _la = self._input.LA(1)
            if not(_la==29 or _la==30):
                localctx.op = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 202
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
            self.state = 204
            localctx.name = self._input.LT(1)
            _la = self._input.LA(1)
            if not(_la==19 or _la==40):
                localctx.name = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 205
            self.match(PortasnnNetParser.EQ)
            self.state = 206
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
            self.state = 208
            localctx.name = self.match(PortasnnNetParser.IDENT)
            self.state = 213
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==35:
                self.state = 209
                self.match(PortasnnNetParser.LBRACK)
                self.state = 210
                self.subset()
                self.state = 211
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
            self.state = 227
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,28,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.RangeSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 1)
                self.state = 215
                localctx.lo = self.expr(0)
                self.state = 216
                self.match(PortasnnNetParser.COLON)
                self.state = 217
                localctx.hi = self.expr(0)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.ListSubsetContext(self, localctx)
                self.enterOuterAlt(localctx, 2)
                self.state = 219
                self.expr(0)
                self.state = 224
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==32:
                    self.state = 220
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 221
                    self.expr(0)
                    self.state = 226
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
            self.state = 229
            localctx.key = self._input.LT(1)
            _la = self._input.LA(1)
            if not((((_la) & ~0x3f) == 0 and ((1 << _la) & 491520) != 0)):
                localctx.key = self._errHandler.recoverInline(self)
            else:
                self._errHandler.reportMatch(self)
                self.consume()
            self.state = 230
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
            self.state = 232
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 233
            self.match(PortasnnNetParser.LPAREN)
            self.state = 242
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if (((_la) & ~0x3f) == 0 and ((1 << _la) & 3891650363392) != 0):
                self.state = 234
                self.arg()
                self.state = 239
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                while _la==32:
                    self.state = 235
                    self.match(PortasnnNetParser.COMMA)
                    self.state = 236
                    self.arg()
                    self.state = 241
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)



            self.state = 244
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
            self.state = 246
            localctx.fn = self.match(PortasnnNetParser.IDENT)
            self.state = 259
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==33:
                self.state = 247
                self.match(PortasnnNetParser.LPAREN)
                self.state = 256
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 3891650363392) != 0):
                    self.state = 248
                    self.arg()
                    self.state = 253
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==32:
                        self.state = 249
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 250
                        self.arg()
                        self.state = 255
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 258
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
            self.state = 263
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,34,self._ctx)
            if la_ == 1:
                self.state = 261
                localctx.name = self.match(PortasnnNetParser.IDENT)
                self.state = 262
                self.match(PortasnnNetParser.EQ)


            self.state = 265
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
            self.state = 295
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,38,self._ctx)
            if la_ == 1:
                localctx = PortasnnNetParser.UnaryExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx

                self.state = 268
                localctx.op = self._input.LT(1)
                _la = self._input.LA(1)
                if not(_la==27 or _la==28):
                    localctx.op = self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                self.state = 269
                self.expr(11)
                pass

            elif la_ == 2:
                localctx = PortasnnNetParser.NumberExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 270
                self.match(PortasnnNetParser.NUMBER)
                self.state = 272
                self._errHandler.sync(self)
                la_ = self._interp.adaptivePredict(self._input,35,self._ctx)
                if la_ == 1:
                    self.state = 271
                    self.unit()


                pass

            elif la_ == 3:
                localctx = PortasnnNetParser.UnitExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 274
                self.unit()
                pass

            elif la_ == 4:
                localctx = PortasnnNetParser.CallExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 275
                self.call()
                pass

            elif la_ == 5:
                localctx = PortasnnNetParser.NameExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 276
                self.match(PortasnnNetParser.IDENT)
                pass

            elif la_ == 6:
                localctx = PortasnnNetParser.BoolExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 277
                _la = self._input.LA(1)
                if not(_la==20 or _la==21):
                    self._errHandler.recoverInline(self)
                else:
                    self._errHandler.reportMatch(self)
                    self.consume()
                pass

            elif la_ == 7:
                localctx = PortasnnNetParser.StringExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 278
                self.match(PortasnnNetParser.STRING)
                pass

            elif la_ == 8:
                localctx = PortasnnNetParser.ListExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 279
                self.match(PortasnnNetParser.LBRACK)
                self.state = 288
                self._errHandler.sync(self)
                _la = self._input.LA(1)
                if (((_la) & ~0x3f) == 0 and ((1 << _la) & 3891650363392) != 0):
                    self.state = 280
                    self.expr(0)
                    self.state = 285
                    self._errHandler.sync(self)
                    _la = self._input.LA(1)
                    while _la==32:
                        self.state = 281
                        self.match(PortasnnNetParser.COMMA)
                        self.state = 282
                        self.expr(0)
                        self.state = 287
                        self._errHandler.sync(self)
                        _la = self._input.LA(1)



                self.state = 290
                self.match(PortasnnNetParser.RBRACK)
                pass

            elif la_ == 9:
                localctx = PortasnnNetParser.ParenExprContext(self, localctx)
                self._ctx = localctx
                _prevctx = localctx
                self.state = 291
                self.match(PortasnnNetParser.LPAREN)
                self.state = 292
                self.expr(0)
                self.state = 293
                self.match(PortasnnNetParser.RPAREN)
                pass


            self._ctx.stop = self._input.LT(-1)
            self.state = 308
            self._errHandler.sync(self)
            _alt = self._interp.adaptivePredict(self._input,40,self._ctx)
            while _alt!=2 and _alt!=ATN.INVALID_ALT_NUMBER:
                if _alt==1:
                    if self._parseListeners is not None:
                        self.triggerExitRuleEvent()
                    _prevctx = localctx
                    self.state = 306
                    self._errHandler.sync(self)
                    la_ = self._interp.adaptivePredict(self._input,39,self._ctx)
                    if la_ == 1:
                        localctx = PortasnnNetParser.PowExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 297
                        if not self.precpred(self._ctx, 12):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 12)")
                        self.state = 298
                        localctx.op = self.match(PortasnnNetParser.POW)
                        self.state = 299
                        localctx.right = self.expr(12)
                        pass

                    elif la_ == 2:
                        localctx = PortasnnNetParser.MulExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 300
                        if not self.precpred(self._ctx, 10):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 10)")
                        self.state = 301
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==25 or _la==26):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 302
                        localctx.right = self.expr(11)
                        pass

                    elif la_ == 3:
                        localctx = PortasnnNetParser.AddExprContext(self, PortasnnNetParser.ExprContext(self, _parentctx, _parentState))
                        localctx.left = _prevctx
                        self.pushNewRecursionContext(localctx, _startState, self.RULE_expr)
                        self.state = 303
                        if not self.precpred(self._ctx, 9):
                            from antlr4.error.Errors import FailedPredicateException
                            raise FailedPredicateException(self, "self.precpred(self._ctx, 9)")
                        self.state = 304
                        localctx.op = self._input.LT(1)
                        _la = self._input.LA(1)
                        if not(_la==27 or _la==28):
                            localctx.op = self._errHandler.recoverInline(self)
                        else:
                            self._errHandler.reportMatch(self)
                            self.consume()
                        self.state = 305
                        localctx.right = self.expr(10)
                        pass

             
                self.state = 310
                self._errHandler.sync(self)
                _alt = self._interp.adaptivePredict(self._input,40,self._ctx)

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
            self.state = 311
            self.match(PortasnnNetParser.UNIT)
            self.state = 314
            self._errHandler.sync(self)
            la_ = self._interp.adaptivePredict(self._input,41,self._ctx)
            if la_ == 1:
                self.state = 312
                self.match(PortasnnNetParser.POW)
                self.state = 313
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
            self.state = 317
            self._errHandler.sync(self)
            _la = self._input.LA(1)
            if _la==28:
                self.state = 316
                self.match(PortasnnNetParser.MINUS)


            self.state = 319
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
         




