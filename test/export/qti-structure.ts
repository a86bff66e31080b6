// The structure of an IMS QTI 1.2 (ASI) document, element by element, for the elements an export
// writes: each element's children in the order the QTI 1.2 DTD's content model allows them, and its
// required attributes and their allowed values. Transcribed from the specification's XML binding;
// the tests hold the export's assessment to it.

/** Content model as a regular expression over the child element names, each followed by a space. */
export const CONTENT: Readonly<Record<string, RegExp>> = {
  questestinterop: /^(qticomment )?(objectbank |assessment |((section |item )+))$/,
  assessment:
    /^(qticomment )?(duration )?(qtimetadata )*(objectives )*(assessmentcontrol )*(rubric )*(presentation_material )?(outcomes_processing )*(assessproc_extension )?(assessfeedback )*(selection_ordering )?(reference )?((sectionref |section )+)$/,
  section:
    /^(qticomment )?(duration )?(qtimetadata )*(objectives )*(sectioncontrol )*(sectionprecondition )*(sectionpostcondition )*(rubric )*(presentation_material )?(outcomes_processing )*(sectionproc_extension )?(sectionfeedback )*(selection_ordering )?(reference )?((itemref |item |sectionref |section )*)$/,
  selection_ordering: /^(qticomment )?(sequence_parameter )*(selection )*(order )?$/,
  selection:
    /^(sourcebank_ref )?(selection_number )?(selection_metadata )?((and_selection |or_selection |not_selection |selection_extension ))?$/,
  item: /^(qticomment )?(duration )?(itemmetadata )?(objectives )*(itemcontrol )*(itemprecondition )*(itempostcondition )*((itemrubric |rubric )*)(presentation )?(resprocessing )*(itemproc_extension )?(itemfeedback )*(reference )?$/,
  itemmetadata: /^(qtimetadata )*((qmd_[a-z_]+ )*)$/,
  qtimetadata: /^(vocabulary )?(qtimetadatafield )+$/,
  qtimetadatafield: /^fieldlabel fieldentry $/,
  presentation:
    /^(qticomment )?((material |response_lid |response_xy |response_str |response_num |response_grp |response_extension |flow )+)$/,
  material:
    /^(qticomment )?((mattext |matemtext |matimage |mataudio |matvideo |matapplet |matapplication |matref |matbreak |mat_extension )+)(altmaterial )*$/,
  response_str:
    /^((material |material_ref ))?(render_choice |render_hotspot |render_slider |render_fib |render_extension )((material |material_ref ))?$/,
  render_fib: /^((material |material_ref |response_label |flow_label )*)(response_na )?$/,
  // Mixed content: text and these elements.
  response_label: /^((qticomment |material |material_ref |flow_mat )*)$/,
  resprocessing: /^(qticomment )?outcomes ((respcondition |itemproc_extension )+)$/,
  outcomes: /^(qticomment )?((decvar (interpretvar )*)+)$/,
  respcondition: /^(qticomment )?conditionvar (setvar )*(displayfeedback )*(respcond_extension )?$/,
  conditionvar:
    /^((not |and |or |unanswered |other |varequal |varlt |varlte |vargt |vargte |varsubset |varinside |varsubstring |durequal |durlt |durlte |durgt |durgte |var_extension )+)$/,
  or: /^((not |and |or |unanswered |other |varequal |varlt |varlte |vargt |vargte |varsubset |varinside |varsubstring |durequal |durlt |durlte |durgt |durgte )+)$/,
  and: /^((not |and |or |unanswered |other |varequal |varlt |varlte |vargt |vargte |varsubset |varinside |varsubstring |durequal |durlt |durlte |durgt |durgte )+)$/,
  itemfeedback: /^(((flow_mat |material )|solution |hint )+)$/,
  flow_mat: /^(qticomment )?((flow_mat |material |material_ref )+)$/,
  // Elements whose content is text only (#PCDATA) or empty.
  mattext: /^$/,
  fieldlabel: /^$/,
  fieldentry: /^$/,
  selection_number: /^$/,
  decvar: /^$/,
  varequal: /^$/,
  vargte: /^$/,
  varlte: /^$/,
  setvar: /^$/,
  displayfeedback: /^$/,
  other: /^$/,
};

/**
 * Attributes the export must write — the DTD's required ones, and the enumerated ones whose value
 * matters to Canvas — with the values the DTD allows (null: any text).
 */
export const ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, readonly string[] | null>>>> = {
  assessment: { ident: null, title: null },
  section: { ident: null },
  item: { ident: null },
  response_str: { ident: null, rcardinality: ['Single', 'Multiple', 'Ordered'] },
  render_fib: { fibtype: ['String', 'Integer', 'Decimal', 'Scientific'] },
  response_label: { ident: null },
  decvar: { varname: null, vartype: ['Integer', 'String', 'Decimal', 'Scientific', 'Boolean', 'Enumerated', 'Set'] },
  respcondition: { continue: ['Yes', 'No'] },
  varequal: { respident: null },
  vargte: { respident: null },
  varlte: { respident: null },
  setvar: { varname: null, action: ['Set', 'Add', 'Subtract', 'Multiply', 'Divide'] },
  displayfeedback: { feedbacktype: ['Response', 'Solution', 'Hint'], linkrefid: null },
  itemfeedback: { ident: null },
  mattext: { texttype: null },
};

/** selection_extension holds anything (ANY in the DTD): its content is not checked. */
export const OPEN = new Set(['selection_extension']);
