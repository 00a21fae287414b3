#!/usr/bin/env python3
# Writes src/main/resources/eres-published/jiao-chen-li-2025.json: the study's published numbers as transcribed in
# shared/study/published-tables.md (Jiao, Chen & Li 2025), each with its locator in the results of examples/study.yaml
# and, for the calibration targets of the synthetic panel, its bound (docs/synthetic-data.md). Python 3, no packages.
# Run from the repository root: python3 plugins/replication/published/make-jiao-chen-li-2025.py
import json
N=[]
def num(table, column, row, value, se=None, stars=None, eres=None, check=None, note=None, **kw):
    d={"table":table,"column":column,"row":row,"value":value}
    if se is not None: d["se"]=se
    if stars: d["stars"]=stars
    if eres: d["eres"]=eres
    if check: d["check"]=check
    if note: d["note"]=note
    d.update(kw)
    N.append(d)

# Table 1
T1=[("gdp_pc","Per capita GDP (yuan)",0.0909),("urban_emp","Employed persons in urban units (10,000)",0.0904),
("budget_rev","Local general budget revenue (billion yuan)",0.0850),("ui_insured","Participants in unemployment insurance (persons)",0.0723),
("pollution_inv","Completed investment in industrial pollution control (10,000 yuan)",0.0668),("freight","Freight turnover (100 million ton-km)",0.0855),
("large_firms","Number of large and medium industrial enterprises",0.0925),("rd_funds","R&D funds of industrial enterprises above designated size (10,000 yuan)",0.0722),
("fin_va","Value added of finance (billion yuan)",0.0788),("edu_exp","Local fiscal education expenditure (billion yuan)",0.0798),
("new_private","Newly established private enterprises per 10,000 people",0.0814),("students","Students enrolled in regular higher education (10,000)",0.1042)]
for k,lab,w in T1: num("Table 1","weight",lab,w,eres="index: weights[indicator=%s].weight"%k)

# Table 2
T2=[("Eres","eres",0.1848,0.1354,0.0077,0.7773),("Opt","ln_opt",4.0805,1.0579,0.9103,6.0851),("Int","ln_int",6.9739,1.2161,2.4423,9.1995),
("FDI","ln_fdi",6.2303,2.6220,0.0061,10.5097),("Urb","ln_urb",3.2597,0.4340,1.6390,4.0888),("Mar","ln_mar",7.2099,1.4914,3.9493,11.9812),
("Nat","ln_nat",7.5717,1.1966,3.6000,9.7972),("Cul","ln_cul",6.9156,1.2802,0.8961,9.5422),("Div","div",2.4141,0.1701,1.9168,2.7145),
("Spe","spe",3.0112,2.4063,1.2055,14.9685)]
for sym,v,m,sd,lo,hi in T2:
    loc="descriptives: descriptives[variable=%s]."%v
    num("Table 2","N",sym,465,eres=loc+"obs")
    num("Table 2","mean",sym,m,eres=loc+"mean",check={"kind":"relative","tolerance":0.15})
    num("Table 2","sd",sym,sd,eres=loc+"sd",check={"kind":"relative","tolerance":0.15})
    # ranges of the same order: within half the published range of the published bound
    num("Table 2","min",sym,lo,eres=loc+"min",check={"kind":"absolute","tolerance":round((hi-lo)/2,4)})
    num("Table 2","max",sym,hi,eres=loc+"max",check={"kind":"absolute","tolerance":round((hi-lo)/2,4)})

# Table 3
C=["FDI","Urb","Mar","Nat","Cul"]; CV=["ln_fdi","ln_urb","ln_mar","ln_nat","ln_cul"]
def t3(col, step, proxy, pv, pse, pstars, ctrl, cons, bp, r2):
    num("Table 3",col,proxy,pv,se=pse,stars=pstars,eres="%s: coefficients[term=ln_%s]"%(step,proxy.lower()),check={"kind":"se","limit":2})
    if ctrl:
        for (sym,v),(cv,cse,cst) in zip(zip(C,CV),ctrl):
            num("Table 3",col,sym,cv,se=cse,stars=cst,eres="%s: coefficients[term=%s]"%(step,v),check={"kind":"se","limit":2})
    num("Table 3",col,"cons",cons[0],se=cons[1],stars=cons[2],eres="%s: constant(eres)"%step,check={"kind":"se","limit":2},
        note="the grand-mean constant mean(y) - mean(x)'b of areg and reghdfe, which the study's constants are (Table 2's means and Table 3's slopes give them)")
    num("Table 3",col,"BP test",bp,stars="***",eres="%s: tests[name=breusch-pagan].statistic"%step)
    num("Table 3",col,"R^2",r2,eres="%s: statistics.r2Within"%step)
    num("Table 3",col,"N",465,eres="%s: statistics.nobs"%step)
t3("(1)","t3-opt","Opt",0.0614,0.0025,"***",None,(-0.0657,0.0105,"***"),96.20,0.576)
t3("(2)","t3-opt-controls","Opt",0.0386,0.0052,"***",[(0.0078,0.0038,"**"),(0.0168,0.0100,"*"),(-0.0129,0.0064,"**"),(0.0377,0.0073,"***"),(-0.0064,0.0056,None)],(-0.224,0.0731,"***"),105.85,0.612)
t3("(3)","t3-int","Int",0.0505,0.0023,"***",None,(-0.167,0.0164,"***"),59.95,0.518)
t3("(4)","t3-int-controls","Int",0.0173,0.0062,"***",[(0.0092,0.0041,"**"),(0.0282,0.0105,"***"),(-0.0113,0.0068,"*"),(0.0546,0.0095,"***"),(-0.0016,0.0061,None)],(-0.406,0.0786,"***"),37.07,0.570)

# Table 4
for col,step,proxy,fs,fse,fcons,ss,sse,sstars,scons,r2f,r2s,dwh,dwhs,fF,alm,dnote in [
  ("(1)","t4-iv-opt","Opt",0.7138,0.0478,(-7.2116,0.3803),0.0355,0.0098,"***",(-0.2277,0.0525),0.771,0.696,6.8665,"**",223.41,152.2236,"garbled in the PDF: \"6.86 65\""),
  ("(2)","t4-iv-int","Int",0.6785,0.0522,(-3.5466,0.4159),0.0374,0.0104,"**",(-0.3513,0.0414),0.792,0.690,8.4945,"***",168.84,125.05,"garbled in the PDF")]:
    num("Table 4",col+" first stage","iv",fs,se=fse,stars="***",eres="%s: firstStage[endogenous=ln_%s].coefficients[term=iv]"%(step,proxy.lower()))
    num("Table 4",col+" first stage","cons",fcons[0],se=fcons[1],stars="***",note="a constant of a regression with absorbed fixed effects (not estimated by eres)")
    num("Table 4",col+" first stage","R^2",r2f,note="R^2 of the first stage; eres reports the partial R^2 of the excluded instrument")
    num("Table 4",col+" second stage",proxy,ss,se=sse,stars=sstars,eres="%s: coefficients[term=ln_%s]"%(step,proxy.lower()))
    num("Table 4",col+" second stage","cons",scons[0],se=scons[1],stars="***" if col=="(1)" else "**",note="a constant of a regression with absorbed fixed effects (not estimated by eres)")
    num("Table 4",col+" second stage","R^2",r2s,eres="%s: statistics.r2"%step)
    num("Table 4",col,"DWH test",dwh,stars=dwhs,eres="%s: tests[name=endogeneity-c].statistic"%step,note=dnote)
    num("Table 4",col,"first-stage F",fF,eres="%s: statistics.firstStageF"%step)
    num("Table 4",col,"Anderson canon. corr. LM",alm,eres="%s: statistics.andersonLM"%step)
    num("Table 4",col,"N",465,eres="%s: statistics.nobs"%step)

# Table 5
T5=[("(1)","t5-opt","ln_opt",(5.0632,5.6410),[(0.0145,0.0046),(0.0224,0.0043),(0.0379,0.0044)],(-0.2012,0.0582,"***"),465,0.776,True),
("(2)","t5-int","ln_int",(8.1552,8.8589),[(0.0063,0.0043),(0.0148,0.0042),(0.0298,0.0043)],(-0.2937,0.0536,"***"),465,0.835,True),
("(3)","t5-opt-dynamic","ln_opt",(4.7457,5.4686),[(0.0085,0.0050),(0.0142,0.0046),(0.0295,0.0046)],(-0.1768,0.0554,"***"),403,0.772,False),
("(4)","t5-int-dynamic","ln_int",(7.4991,8.6300),[(0.0238,0.0032),(0.0283,0.0030),(0.0393,0.0030)],(-0.0306,0.0538,"***"),403,0.756,False),
("(5)","t5-users","ln_bb_users",(7.5798,8.1792),[(0.0394,0.0038),(0.0480,0.0037),(0.0598,0.0038)],(-0.1222,0.0559,"**"),465,0.780,False)]
for col,step,q,th,sl,cons,nn,r2,req in T5:
    for k,(g,name) in enumerate(zip(th,["Th-21","Th-22"])):
        d=dict(eres="%s: thresholds[model=2][order=%d]"%(step,k))
        if req: d["check"]={"kind":"in-interval","variable":q}
        num("Table 5",col,"threshold q%d"%(k+1),g,**d)
    for k,(v,se) in enumerate(sl):
        num("Table 5",col,["diginf x I(Th <= q1)","diginf x I(q1 < Th < q2)","diginf x I(Th >= q2)"][k],v,se=se,stars="***",
            eres="%s: coefficients[#%d]"%(step,k))
    num("Table 5",col,"cons",cons[0],se=cons[1],stars=cons[2],note="xthreg's _cons (not reported by eres)")
    num("Table 5",col,"N",nn,eres="%s: statistics.nobs"%step)
    num("Table 5",col,"R^2",r2,eres="%s: statistics.r2Within"%step)

# Table 6
T6=[("east","Opt","t6-opt",(4.3342,5.6265),[(0.0765,0.0090),(0.0889,0.0084),(0.0644,0.0084)]),
("east","Int","t6-int",(7.4991,8.8589),[(0.0394,0.0090),(0.0493,0.0083),(0.1050,0.0083)]),
("central","Opt","t6-opt",(3.7997,5.0375),[(0.0376,0.0079),(0.0432,0.0068),(0.0572,0.0060)]),
("central","Int","t6-int",(8.0057,),[(0.0541,0.0044),(0.0454,0.0043)]),
("west","Opt","t6-opt",(3.6611,5.5640),[(0.0250,0.0022),(0.0269,0.0014),(0.0372,0.0014)]),
("west","Int","t6-int",(7.4232,8.4559),[(0.0245,0.0016),(0.0294,0.0018),(0.0321,0.0018)]),
("northeast","Opt","t6-opt",(4.3447,),[(0.0484,0.0071),(0.0383,0.0055)]),
("northeast","Int","t6-int",(),[])]
for g,proxy,step,th,sl in T6:
    key="%s--%s"%(step,g)
    sel=len(th)
    d=dict(eres="%s: statistics.selectedThresholds"%key)
    if proxy=="Opt": d["check"]={"kind":"equal"}
    num("Table 6",g,proxy+": thresholds selected by the tests",sel,**d)
    for k,v in enumerate(th):
        num("Table 6",g,proxy+": threshold %d"%(k+1),v,eres="%s: thresholds[model=%d][order=%d]"%(key,len(th),k))
    for k,(v,se) in enumerate(sl):
        d=dict(eres="%s: coefficients[#%d]"%(key,k))
        if g=="northeast" and proxy=="Opt" and k==1: d["check"]={"kind":"below","other":"Table 6|northeast|Opt: slope regime 1"}
        num("Table 6",g,proxy+": slope regime %d"%(k+1),v,se=se,stars="***",**d)

# Table 7
for proxy,rows in [("Opt",[("(1) Eres","total",0.0376,0.0052,"***"),("(2) Div","a:div",0.0486,0.0088,"***"),("(3) Eres","direct:div",0.0329,0.0053,"***"),
        ("(3) Eres: MID","b:div",0.0949,0.0282,"**"),("(4) Spe","a:spe",-0.0708,0.1450,None),("(5) Eres","direct:spe",0.0373,0.0052,"***"),("(5) Eres: MID","b:spe",-0.0032,0.0017,"**")]),
    ("Int",[("(1) Eres","total",0.0155,0.0061,"**"),("(2) Div","a:div",0.0397,0.0100,"***"),("(3) Eres","direct:div",0.0103,0.0061,"*"),
        ("(3) Eres: MID","b:div",0.131,0.0289,"***"),("(4) Spe","a:spe",0.0356,0.1628,None),("(5) Eres","direct:spe",0.0156,0.0061,"**"),("(5) Eres: MID","b:spe",-0.0035,0.0018,"*")])]:
    step="t7-%s"%proxy.lower()
    for col,term,v,se,st in rows:
        rowname=proxy if "MID" not in col else "MID"
        num("Table 7",proxy+" "+col.replace(": MID",""),rowname,v,se=se,stars=st,eres="%s: coefficients[term=%s]"%(step,term),check={"kind":"sign"})
cons7={"Opt":[-0.324,2.377,-0.550,-1.180,-0.328],"Int":[-0.498,2.274,-0.796,-0.449,-0.500]}
r27={"Opt":[0.609,0.154,0.619,0.034,0.612],"Int":[0.567,0.126,0.587,0.034,0.571]}
for proxy in ["Opt","Int"]:
    step="t7-%s"%proxy.lower()
    for k,col in enumerate(["(1) Eres","(2) Div","(3) Eres","(4) Spe","(5) Eres"]):
        eq={0:"E1",1:"E2:div",2:"E3:div",3:"E2:spe",4:"E3:spe"}[k]
        num("Table 7",proxy+" "+col,"cons",cons7[proxy][k],note="a constant of a regression with absorbed fixed effects (not estimated by eres)")
        num("Table 7",proxy+" "+col,"R^2",r27[proxy][k],eres="%s: equations[id=%s].r2Within"%(step,eq))

# Table 8
T8=[("Div","Opt","indirect",0.0094,0.0030,3.10,0.002,(0.0034,0.0153)),("Div","Opt","direct",0.0291,0.0045,6.53,0.000,(0.0204,0.0379)),
("Div","Int","indirect",-0.0060,0.0030,-2.02,0.043,(-0.0118,-0.0002)),("Div","Int","direct",0.0320,0.0050,6.36,0.000,(0.0222,0.0419)),
("Spe","Opt","indirect",0.0018,0.0009,2.02,0.043,(0.0001,0.0035)),("Spe","Opt","direct",0.0367,0.0051,7.15,0.000,(0.0267,0.0468)),
("Spe","Int","indirect",-0.0020,0.0014,-1.39,0.165,(-0.0047,0.0008)),("Spe","Int","direct",0.0280,0.0054,5.15,0.000,(0.0174,0.0387))]
for med,proxy,eff,obs,bse,z,pv,ci in T8:
    step="t7-%s"%proxy.lower()
    loc="%s: bootstrap.statistics[statistic=%s:%s]"%(step,eff,med.lower())
    d={}
    if not (med=="Div" and proxy=="Int" and eff=="indirect"): d["check"]={"kind":"sign"}
    else: d["note"]="inconsistent with Table 7 (a = 0.0397 > 0 and b = 0.131 > 0 give a x b > 0); not a calibration target"
    num("Table 8",med+" / "+proxy,eff+" effect",obs,se=bse,eres=loc,**d)
    num("Table 8",med+" / "+proxy,eff+": z",z,eres=loc+".z")
    num("Table 8",med+" / "+proxy,eff+": p",pv,eres=loc+".pValue")
    num("Table 8",med+" / "+proxy,eff+": 95% CI low",ci[0],eres=loc+".normal.low")
    num("Table 8",med+" / "+proxy,eff+": 95% CI high",ci[1],eres=loc+".normal.high")

# Table A1 VIF
for sym,v,vif,inv,step in [("Opt","ln_opt",4.37,0.2290,"t3-opt-controls"),("Int","ln_int",6.59,0.1518,"t3-int-controls"),("FDI","ln_fdi",4.81,0.2080,"t3-opt-controls"),
    ("Urb","ln_urb",1.12,0.8920,"t3-opt-controls"),("Mar","ln_mar",1.78,0.5619,"t3-opt-controls"),("Nat","ln_nat",8.51,0.1175,"t3-opt-controls"),("Cul","ln_cul",6.05,0.1654,"t3-opt-controls")]:
    num("Table A1","VIF",sym,vif,eres="%s: vif.values[term=%s].vif"%(step,v))
    num("Table A1","1/VIF",sym,inv,eres="%s: vif.values[term=%s].tolerance"%(step,v))

# Table A2
for col,step,v,rho,rse,eff,cons,haus,lme,lml,lre,lrl,we,wl,r2 in [
 ("(1) Opt","a2-sdm-opt","ln_opt",(0.471,0.0640,"***"),None,[(1.200,0.7229,"*"),(0.951,0.5373,"*"),(2.150,1.1497,"*")],(-18.10,19.2740),(12.63,"*"),(8.070,"**"),(43.441,"***"),(19.03,"**"),(17.16,"**"),(17.17,"**"),(18.98,"**"),0.214),
 ("(2) Int","a2-sdm-int","ln_int",(0.638,0.0973,"***"),None,[(1.511,0.8067,"*"),(2.150,1.2147,"*"),(3.661,1.8722,"*")],(-11.79,18.4498),(9.60,None),(1.624,None),(6.590,"**"),(37.74,"***"),(25.42,"***"),(25.41,"***"),(37.89,"***"),0.533)]:
    num("Table A2",col,"rho",rho[0],se=rho[1],stars=rho[2],eres="%s: coefficients[term=rho]"%step,check={"kind":"positive-significant"})
    for (e,(val,se,st)) in zip(["direct","indirect","total"],eff):
        num("Table A2",col,e,val,se=se,stars=st,eres="%s: effects[variable=%s][effect=%s]"%(step,v,e),
            note="two orders of magnitude above Table 3: another scale or specification (published-tables.md)")
    num("Table A2",col,"cons",cons[0],se=cons[1],note="a constant of a model with fixed effects (not estimated by eres)")
    for name,test,(val,st) in [("Hausman","hausman",haus),("LM-err","lm-error",lme),("LM-lag","lm-lag",lml),("LR-err","lr-sdm-vs-sem",lre),
            ("LR-lag","lr-sdm-vs-sar",lrl),("Wald-err","wald-sdm-vs-sem",we),("Wald-lag","wald-sdm-vs-sar",wl)]:
        num("Table A2",col,name,val,stars=st,eres="%s: tests[name=%s].statistic"%(step,test))
    num("Table A2",col,"N",465,eres="%s: statistics.nobs"%step)
    num("Table A2",col,"R^2",r2,eres="%s: statistics.corr2"%step,note="eres: squared correlation of fitted and observed values")

doc={"id":"jiao-chen-li-2025",
 "study":"Jiao, Chen & Li (2025): digital infrastructure and economic resilience, 31 Chinese provinces, 2008-2022 (465 province-years)",
 "provenance":"Transcribed from the study's published Tables 1-8, A1 and A2 via the project's transcription (shared/study/published-tables.md, text extracted from the PDF; two cells the PDF garbled are marked in 'note'). Values and standard errors as printed; stars: * p < 0.1, ** p < 0.05, *** p < 0.01.",
 "locators":"'eres' names the step of examples/study.yaml and a path in that step's result: 'step[--group]: key.key[field=value][#index].key'; [nearest=v] picks the list element whose 'value' is nearest v, [order=k] the one with the k-th smallest 'value'; 'constant(y)' is the grand-mean constant mean(y) - mean(x)'b of the step's coefficients.",
 "checks":"The calibration bounds of the synthetic panel (docs/synthetic-data.md): relative (|eres/published - 1| <= tolerance), absolute (|eres - published| <= tolerance), se (same sign and |eres - published| <= limit x published SE), in-interval (the published threshold's sample split lies in eres's LR interval), equal, below (eres below the eres value of 'other'), sign, positive-significant (eres > 0 with a 95% interval above 0).",
 "numbers":N}
for i,d in enumerate(N):
    d["id"]="%s|%s|%s"%(d["table"],d["column"],d["row"])
ids=[d["id"] for d in N]
assert len(ids)==len(set(ids)), [x for x in ids if ids.count(x)>1][:5]
json.dump(doc,open('plugins/replication/src/main/resources/eres-published/jiao-chen-li-2025.json','w'),indent=1,ensure_ascii=False)
print(len(N), sum(1 for d in N if 'check' in d), sum(1 for d in N if 'eres' in d))
