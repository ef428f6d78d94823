import type { Descriptors } from "./levels";

/**
 * The three frameworks Groundwork offers every district, taken from the
 * source documents (../shared/seeds): names, dimension descriptions and
 * indicator statements keep the documents' own words. The four level
 * descriptors are Groundwork's: the documents describe only the practice
 * fully in place, which is what "Established" says.
 *
 * Keys are stable: they tie an indicator to the same indicator in later
 * versions and in district copies, so results can be compared across cycles.
 * Raise `version` when the text changes; the next start adds that version.
 */

/** The language of the frameworks' text (the source documents' and their district copies'), marked on pages in another language. */
export const FRAMEWORK_LANGUAGE = "en";

export type IndicatorDefinition = { key: string; title: string; statement: string; descriptors: Descriptors };
export type DimensionDefinition = { key: string; name: string; description: string; indicators: readonly IndicatorDefinition[] };
export type FrameworkDefinition = {
  key: string;
  version: number;
  name: string;
  description: string;
  dimensions: readonly DimensionDefinition[];
};

function indicator(
  key: string,
  title: string,
  statement: string,
  [notYet, emerging, developing, established]: readonly [string, string, string, string],
): IndicatorDefinition {
  return { key, title, statement, descriptors: { notYet, emerging, developing, established } };
}

/** Seed 001: the Personalized Learning Driver Model, its foundational practices and drivers. */
export const PERSONALIZED_LEARNING_READINESS: FrameworkDefinition = {
  key: "personalized-learning-readiness",
  version: 1,
  name: "Personalized Learning readiness",
  description:
    "Personalized Learning is an approach to education that focuses on building students' identities as lifelong learners, so that, over time, they develop a full-fledged sense of learner agency and ownership of their academic progress. The foundational practices are foundational for successful implementation of Personalized Learning; school communities self-reflect on them, and on the primary and secondary drivers, to determine their strengths and areas for growth.",
  dimensions: [
    {
      key: "plr.foundational-practices",
      name: "Foundational Practices",
      description: "The elements foundational for successful implementation of Personalized Learning.",
      indicators: [
        indicator(
          "plr.relationships",
          "Relationships",
          "All members contribute positively to the school community and work to build trusting, meaningful and authentic relationships.",
          [
            "Few members contribute positively to the school community; relationships are mostly transactional and trust is limited.",
            "Some members work to build trusting relationships, but it depends on individuals and is not yet shared across the school community.",
            "Most members contribute positively and build trusting, meaningful relationships; some groups or settings are not yet reached.",
            "All members contribute positively to the school community and consistently build trusting, meaningful and authentic relationships.",
          ],
        ),
        indicator(
          "plr.culture",
          "Culture",
          "Learners and teachers consistently demonstrate cultural awareness and sensitivity, respect, and empathy.",
          [
            "Cultural awareness, respect and empathy are rarely demonstrated or talked about.",
            "Some learners and teachers demonstrate cultural awareness and sensitivity, respect, and empathy, but not consistently.",
            "Most learners and teachers demonstrate cultural awareness and sensitivity, respect, and empathy in most settings.",
            "Learners and teachers consistently demonstrate cultural awareness and sensitivity, respect, and empathy.",
          ],
        ),
        indicator(
          "plr.mindset",
          "Mindset",
          "Mindsets around learner agency, the role of the teacher/learner and growth mindset are shared and demonstrated by stakeholders in the learning community.",
          [
            "Learner agency, the roles of teacher and learner, and growth mindset are not yet discussed among stakeholders.",
            "Some stakeholders hold these mindsets, but they are not yet shared or visible in practice.",
            "These mindsets are shared by most stakeholders and increasingly demonstrated in practice.",
            "Mindsets around learner agency, the role of the teacher/learner and growth mindset are shared and demonstrated by stakeholders across the learning community.",
          ],
        ),
        indicator(
          "plr.metacognition",
          "Metacognition",
          "The processes used to plan, monitor, and assess one's understanding and performance.",
          [
            "Learners are rarely asked to plan, monitor or assess their own understanding and performance.",
            "Some learners plan, monitor or assess their understanding when a teacher directs it, in some classes.",
            "Most learners plan, monitor and assess their understanding and performance with occasional prompting.",
            "Learners routinely plan, monitor and assess their own understanding and performance, and adjust how they learn.",
          ],
        ),
      ],
    },
    {
      key: "plr.learner-paths",
      name: "Learner Paths",
      description:
        "Learners have a deep understanding of their own assets, needs and interests and use this information to create and monitor personalized goals.",
      indicators: [
        indicator(
          "plr.learner-profile-data",
          "Learner Profile Data",
          "Learners, teachers and families understand each learner's assets, interests and needs and use this information along with outcomes data to personalize and drive learning.",
          [
            "Information about learners' assets, interests and needs is not gathered, or not used to plan learning.",
            "Some information about learners' assets, interests and needs is gathered, but it is rarely shared with learners and families or used with outcomes data.",
            "Learners, teachers and families understand most learners' assets, interests and needs and often use them with outcomes data to personalize learning.",
            "Learners, teachers and families understand each learner's assets, interests and needs and use this information along with outcomes data to personalize and drive learning.",
          ],
        ),
        indicator(
          "plr.goal-setting",
          "Goal Setting & Progress Monitoring",
          "Learners and teachers use the learner profile data to co-create goals and monitor progress.",
          [
            "Goals are set for learners rather than with them, and progress is not monitored against them.",
            "Some learners set goals with their teachers, but goals are rarely based on learner profile data or revisited.",
            "Most learners co-create goals with their teachers from learner profile data and review their progress regularly.",
            "Learners and teachers use the learner profile data to co-create goals and monitor progress, and learners adjust their goals as they go.",
          ],
        ),
      ],
    },
    {
      key: "plr.evolving-roles",
      name: "Evolving Learning and Teacher Roles",
      description:
        "Learners demonstrate agency and teachers are facilitators of learning, creating a classroom culture and forming relationships that support all learners. Learners leverage metacognitive skills and collaboration opportunities to drive their own learning.",
      indicators: [
        indicator(
          "plr.agency-and-facilitation",
          "Learner agency and teachers as facilitators",
          "Learners demonstrate agency and teachers are facilitators of learning, creating a classroom culture and forming relationships that support all learners.",
          [
            "Teachers direct most learning; learners have few chances to make choices about their learning.",
            "Some teachers act as facilitators and some learners make choices, in parts of the day.",
            "In most classrooms learners demonstrate agency and teachers facilitate, with a culture and relationships that support most learners.",
            "Learners demonstrate agency and teachers are facilitators of learning, creating a classroom culture and forming relationships that support all learners.",
          ],
        ),
        indicator(
          "plr.learners-drive-learning",
          "Learners drive their own learning",
          "Learners leverage metacognitive skills and collaboration opportunities to drive their own learning.",
          [
            "Learners rarely use metacognitive skills or collaboration to direct their learning.",
            "Some learners use metacognitive skills or collaborate to drive their learning when a teacher sets it up.",
            "Most learners use metacognitive skills and collaboration opportunities to drive their learning, with support.",
            "Learners leverage metacognitive skills and collaboration opportunities to drive their own learning.",
          ],
        ),
      ],
    },
    {
      key: "plr.strategic-resource-use",
      name: "Strategic Resource Use",
      description:
        "Learners adapt their use of space, technology, and time and develop community partnerships to meet their learning goals and improve the learning process.",
      indicators: [
        indicator("plr.strategic-space", "Strategic Space", "Learners and teachers design and use space to support learners' needs and preferences.", [
          "Space is arranged the same way for every activity and every learner.",
          "Some classrooms adapt their space for different activities, usually as the teacher decides.",
          "Learners and teachers often design and use space together to support learners' needs and preferences.",
          "Learners and teachers design and use space throughout the school to support learners' needs and preferences.",
        ]),
        indicator(
          "plr.strategic-tech",
          "Strategic Tech",
          "Learners and teachers utilize technology as a resource to expand and deepen the learning experience and outcomes.",
          [
            "Technology is rarely used, or used mostly to replace paper.",
            "Some learners and teachers use technology to expand learning, unevenly across classes.",
            "Most learners and teachers use technology as a resource to expand and deepen learning.",
            "Learners and teachers utilize technology as a resource to expand and deepen the learning experience and outcomes, and choose their tools with purpose.",
          ],
        ),
        indicator(
          "plr.strategic-time",
          "Strategic Time",
          "Learners are able to create schedules with the teacher's assistance that meet their educational needs for best learning.",
          [
            "Every learner follows the same fixed schedule.",
            "Some learners choose how to use part of their time, in some classes.",
            "Many learners create parts of their schedules with the teacher's assistance to meet their needs.",
            "Learners are able to create schedules with the teacher's assistance that meet their educational needs for best learning.",
          ],
        ),
        indicator(
          "plr.strategic-community",
          "Strategic Community",
          "Learners and teachers use community resources and partnerships to support relevancy and personalization.",
          [
            "Community resources and partnerships are rarely part of learning.",
            "Some classes use community resources or partners occasionally, mostly as one-off events.",
            "Learners and teachers regularly use community resources and partnerships to make learning relevant.",
            "Learners and teachers use community resources and partnerships to support relevancy and personalization for every learner.",
          ],
        ),
      ],
    },
    {
      key: "plr.competencies",
      name: "Developing & Demonstrating Competencies",
      description: "Learners progress at their own pace based on transparent assessment and authentic demonstrations of learning.",
      indicators: [
        indicator(
          "plr.competency-based-progression",
          "Competency Based Progression",
          "Learners are able to progress at their own pace based on demonstrated competencies.",
          [
            "All learners move on together, by time spent rather than by competencies demonstrated.",
            "Some learners can move ahead or take more time in parts of some courses.",
            "Many learners progress at their own pace based on demonstrated competencies, within limits set by schedules or grading.",
            "Learners are able to progress at their own pace based on demonstrated competencies.",
          ],
        ),
        indicator(
          "plr.demonstration-of-learning",
          "Demonstration of Learning",
          "Learners demonstrate learning through a variety of authentic means that include application and creation of knowledge and support increasing levels of rigor.",
          [
            "Learning is demonstrated mostly through tests of recall.",
            "Some learners demonstrate learning through authentic tasks, occasionally.",
            "Most learners demonstrate learning through a variety of authentic means that apply knowledge.",
            "Learners demonstrate learning through a variety of authentic means that include application and creation of knowledge and support increasing levels of rigor.",
          ],
        ),
      ],
    },
  ],
};

/** Seed 000: the five common ecosystem characteristics of personalized, deeper learning. */
export const ECOSYSTEM_CHARACTERISTICS: FrameworkDefinition = {
  key: "ecosystem-characteristics",
  version: 1,
  name: "Ecosystem characteristics",
  description:
    "Schools have autonomy to design the specific learning models, strategies, and programs they will utilize. Although schools experience a high level of autonomy around instructional design, there are common threads: five common ecosystem characteristics that are present regardless of the pathway a particular school embarks on.",
  dimensions: [
    {
      key: "eco.personalized-learning",
      name: "Personalized Learning",
      description: "In personalized learning environments, all learners get what they need, when they need it, and how they need it without barrier.",
      indicators: [
        indicator(
          "eco.designed-from-evidence",
          "Experiences designed from each learner",
          "Experiences are designed based on student driven evidence, interests, learning styles, both academic and non-academic strengths, gaps, and goals.",
          [
            "Experiences are designed the same way for every student.",
            "Some experiences take students' interests, strengths or gaps into account, mostly academic ones.",
            "Most experiences are designed from student evidence, interests, strengths, gaps and goals, academic and non-academic.",
            "Experiences are designed based on student driven evidence, interests, learning styles, both academic and non-academic strengths, gaps, and goals.",
          ],
        ),
        indicator(
          "eco.varied-grouping",
          "Grouping by skills, needs and interests",
          "Learners are organized in varying group sizes primarily according to their skills, needs, and interests.",
          [
            "Learners stay in the same whole-class groups whatever their skills, needs or interests.",
            "Some classes regroup learners now and then, mostly by achievement.",
            "Learners are often organized in varying group sizes according to their skills, needs and interests.",
            "Learners are organized in varying group sizes primarily according to their skills, needs, and interests.",
          ],
        ),
        indicator(
          "eco.know-each-student",
          "Knowing each student well",
          "Educators have access to the information needed to know individual students well enough to adjust plans.",
          [
            "Educators lack the information to know individual students beyond grades.",
            "Some information about individual students is available, but it is hard to reach or rarely used to adjust plans.",
            "Educators have most of the information needed to know individual students and often adjust plans with it.",
            "Educators have access to the information needed to know individual students well enough to adjust plans.",
          ],
        ),
        indicator(
          "eco.variety-of-approaches",
          "A variety of approaches",
          "There is no “one” approach in personalized learning, rather access to a variety of methods, people, time structures, environments, and tools to best meet specific learner needs.",
          [
            "One approach is used for all learners.",
            "A few alternative methods, people or tools are available, for some learners.",
            "Learners have access to a variety of methods, people, time structures, environments and tools in most settings.",
            "There is no “one” approach: learners have access to a variety of methods, people, time structures, environments, and tools to best meet their specific needs.",
          ],
        ),
      ],
    },
    {
      key: "eco.competency-based",
      name: "Competency-Based Systems",
      description:
        "In competency-based learning environments, students move from level to level based on demonstrated proficiency, get feedback against competencies, and track their own progress with support from their teacher.",
      indicators: [
        indicator("eco.advance-on-proficiency", "Advancing on demonstrated proficiency", "Students move from level to level based on demonstrated proficiency.", [
          "Students move on by grade and calendar, whatever they have demonstrated.",
          "In some courses students can move on when they demonstrate proficiency.",
          "In most courses students move from level to level based on demonstrated proficiency.",
          "Students move from level to level based on demonstrated proficiency, throughout the school.",
        ]),
        indicator(
          "eco.feedback-and-tracking",
          "Feedback and tracking against competencies",
          "Students get feedback against competencies and track their own progress with support from their teacher.",
          [
            "Feedback is given as grades or scores, not against competencies, and students do not track their progress.",
            "Some students get feedback against competencies or track their progress, in some classes.",
            "Most students get feedback against competencies and track their progress with their teacher's support.",
            "Students get feedback against competencies and track their own progress with support from their teacher.",
          ],
        ),
        indicator(
          "eco.progress-not-seat-time",
          "Progress against competencies, not seat time",
          "Monitoring student progress against competencies instead of seat time gives educators a better measure and more nuanced understanding of what students know and are able to do based on the Colorado Academic Standards.",
          [
            "Progress is measured by seat time and course completion.",
            "Some educators monitor progress against competencies alongside seat time.",
            "Most educators monitor progress against competencies and use it to understand what students know and are able to do.",
            "Educators monitor student progress against competencies instead of seat time, for a nuanced understanding of what students know and are able to do based on the standards.",
          ],
        ),
        indicator(
          "eco.equitable-rigor",
          "Equitable, rigorous learning for all",
          "Competency-based systems include equitable, rigorous, personalized learning for all, leading to readiness for college, career, and citizenship.",
          [
            "Rigorous, personalized learning reaches only some students.",
            "Efforts to make learning equitable and rigorous exist, but are not yet connected to readiness for college, career and citizenship.",
            "Most students experience equitable, rigorous, personalized learning that builds readiness for college, career and citizenship.",
            "Competency-based systems include equitable, rigorous, personalized learning for all, leading to readiness for college, career, and citizenship.",
          ],
        ),
      ],
    },
    {
      key: "eco.co-created",
      name: "Co-Created Opportunities",
      description:
        "In co-created learning environments, students are proactive and make important decisions about their progress toward learning goals.",
      indicators: [
        indicator(
          "eco.students-decide",
          "Students make important decisions",
          "Students are proactive and make important decisions about their progress toward learning goals.",
          [
            "Adults make the decisions about students' progress toward learning goals.",
            "Some students make some decisions about their progress, when invited to.",
            "Most students are proactive and make important decisions about their progress toward learning goals.",
            "Students are proactive and make important decisions about their progress toward learning goals, as a matter of course.",
          ],
        ),
        indicator("eco.create-together", "Creating learning experiences together", "Educators and students work together to create learning experiences.", [
          "Educators create learning experiences for students.",
          "Some educators ask students for input on learning experiences.",
          "Educators and students often work together to create learning experiences.",
          "Educators and students work together to create learning experiences, throughout the school.",
        ]),
        indicator(
          "eco.goals-as-a-team",
          "Developing and achieving goals as a team",
          "Students work with each other, teachers, and other resources in and outside the classroom to develop goals and determine the best way to achieve the goals as a team.",
          [
            "Students work mostly alone toward goals set for them.",
            "Some students work with others to develop goals, mostly inside the classroom.",
            "Most students work with each other, teachers and other resources to develop goals and plan how to achieve them.",
            "Students work with each other, teachers, and other resources in and outside the classroom to develop goals and determine the best way to achieve the goals as a team.",
          ],
        ),
      ],
    },
    {
      key: "eco.safe-healthy",
      name: "Safe and Healthy Environments",
      description:
        "In safe and healthy learning environments, significant attention is paid to knowing the social-emotional needs of students and teaching them healthy ways to think, work, and play together.",
      indicators: [
        indicator(
          "eco.social-emotional-needs",
          "Knowing social-emotional needs",
          "Significant attention is paid to knowing the social-emotional needs of students and teaching them healthy ways to think, work, and play together.",
          [
            "Students' social-emotional needs get attention only when a problem arises.",
            "Some educators attend to social-emotional needs and teach healthy ways to work and play together.",
            "Most educators know students' social-emotional needs and teach healthy ways to think, work and play together.",
            "Significant attention is paid to knowing the social-emotional needs of students and teaching them healthy ways to think, work, and play together.",
          ],
        ),
        indicator(
          "eco.secure-and-supportive",
          "Secure and supportive",
          "All children need to be in an environment that’s secure and supportive, where they are comfortable taking risks. Students can’t learn when they are hungry, suffering, or lonely.",
          [
            "Many students do not feel secure or supported, and basic needs such as hunger go unnoticed.",
            "Some students feel secure and supported; basic needs are met when someone notices them.",
            "Most students are in a secure, supportive environment where they are comfortable taking risks, and basic needs are routinely met.",
            "All children are in an environment that’s secure and supportive, where they are comfortable taking risks, and no student goes hungry, suffering or lonely unnoticed.",
          ],
        ),
        indicator(
          "eco.foster-health",
          "Self-awareness, confidence and health",
          "To inspire students to become empathetic, curious, and healthy participants, educators must build cultures that foster self-awareness, confidence, and strong mental and physical health in students.",
          [
            "Self-awareness, confidence and mental and physical health are not part of the school's culture.",
            "Some educators foster self-awareness, confidence or health in their classes.",
            "Most educators build a culture that fosters self-awareness, confidence and strong mental and physical health.",
            "Educators build cultures that foster self-awareness, confidence, and strong mental and physical health in students, who become empathetic, curious, and healthy participants.",
          ],
        ),
        indicator("eco.empathy-building", "Empathy building at all levels", "Regular empathy building at all levels is critical to this component.", [
          "Empathy building is not yet part of school life.",
          "Empathy building happens occasionally, at some levels.",
          "Empathy building happens regularly at most levels.",
          "Regular empathy building happens at all levels.",
        ]),
      ],
    },
    {
      key: "eco.time-talent-technology",
      name: "Time, Talent, and Technology Enabled",
      description: "Time, talent, and technology enabled learning environments all inform learning, but are secondary to it.",
      indicators: [
        indicator(
          "eco.learning-comes-first",
          "Learning comes first",
          "Time, talent, and technology are important elements, but they shouldn’t drive learning.",
          [
            "Schedules, staffing and technology decide how learning happens.",
            "Learning goals are considered, but time, staffing or technology often drive decisions.",
            "Learning goals drive most decisions about time, talent and technology.",
            "Time, talent, and technology inform learning but never drive it: learning comes first.",
          ],
        ),
        indicator(
          "eco.flexible-tools",
          "Flexible and dynamic tools",
          "Time, talent, and technology are flexible and dynamic tools to enable learning environments that lead to desired student outcomes.",
          [
            "Time, talent and technology are fixed and hard to change.",
            "Some flexibility in time, talent or technology exists, in parts of the school.",
            "Time, talent and technology are usually adjusted to enable learning environments that lead to desired outcomes.",
            "Time, talent, and technology are flexible and dynamic tools to enable learning environments that lead to desired student outcomes.",
          ],
        ),
      ],
    },
  ],
};

/** Seed 002: the four attributes of a working definition of personalized learning, with their tactics. */
export const FOUR_ATTRIBUTES: FrameworkDefinition = {
  key: "four-attributes",
  version: 1,
  name: "Four attributes of personalized learning",
  description:
    "Personalized learning seeks to accelerate student learning by tailoring the instructional environment—what, when, how and where students learn—to address the individual needs, skills and interests of each student. These attributes and tactics were developed from the practices of a number of leading schools. No one school fully employs each of these today. Start where you want and progress from there.",
  dimensions: [
    {
      key: "fa.learner-profiles",
      name: "Learner Profiles",
      description: "Each student has an up-to-date record of his/her individual strengths, needs, motivations and goals.",
      indicators: [
        indicator(
          "fa.strengths-and-needs",
          "Strengths & Needs",
          "How might we capture each student's current level of mastery within each of the dimensions that we believe are essential for his/her success (e.g. academic standards, skills)? In what ways might we highlight a student's gaps to draw attention to their individual needs?",
          [
            "We do not yet capture each student's current level of mastery beyond grades.",
            "We capture mastery in some subjects or for some students; gaps are not always highlighted.",
            "We capture most students' current mastery in most essential dimensions and highlight gaps, though records are not always up to date.",
            "Each student's current mastery in every essential dimension is captured and up to date, and gaps are highlighted so their individual needs get attention.",
          ],
        ),
        indicator(
          "fa.motivations",
          "Motivations",
          "How might we support each student in understanding and articulating his/her interests and aspirations?",
          [
            "Students are not yet asked about their interests and aspirations.",
            "Some students are asked about their interests and aspirations, now and then.",
            "Most students are supported in understanding and articulating their interests and aspirations.",
            "Each student is supported in understanding and articulating his/her interests and aspirations, and these shape their learning.",
          ],
        ),
        indicator(
          "fa.goals",
          "Goals",
          "How might we support each student in setting personalized goals within each dimension that we believe is essential for his/her success? In what ways and how frequently might we ask students to reflect on their progress and adjust their goals accordingly?",
          [
            "Students do not yet set personalized goals.",
            "Some students set goals in some dimensions, and rarely revisit them.",
            "Most students set personalized goals in most essential dimensions and reflect on their progress at set times.",
            "Each student sets personalized goals in every essential dimension, reflects on progress regularly and adjusts goals accordingly.",
          ],
        ),
        indicator(
          "fa.information-and-feedback",
          "Information & Feedback",
          "In what ways and how frequently might we provide timely, actionable information and feedback to each student? How might we also provide that information to their teachers and families?",
          [
            "Students receive grades at reporting periods but little timely, actionable feedback.",
            "Some students receive timely, actionable feedback; teachers and families see it rarely.",
            "Most students receive timely, actionable feedback, and their teachers and families usually see it too.",
            "Each student receives timely, actionable information and feedback, shared with their teachers and families.",
          ],
        ),
      ],
    },
    {
      key: "fa.personal-learning-paths",
      name: "Personal Learning Paths",
      description:
        "All students are held to clear, high expectations, but each student follows a customized path that responds and adapts based on his/her individual learning progress, motivations and goals.",
      indicators: [
        indicator(
          "fa.personalized-learning-plans",
          "Personalized Learning Plans",
          "How might we ensure that each student has a learning plan that takes into account his/her strengths, needs, motivations and goals? How might a student's plan respond and adapt to his/her changing needs?",
          [
            "Students do not have individual learning plans.",
            "Some students have learning plans, and they are seldom updated.",
            "Most students have a learning plan built on their strengths, needs, motivations and goals, reviewed at set times.",
            "Each student has a learning plan that takes into account his/her strengths, needs, motivations and goals and adapts to changing needs.",
          ],
        ),
        indicator(
          "fa.varied-learning-experiences",
          "Varied Learning Experiences (Modalities)",
          "What types of experiences (e.g. complex tasks, experiential learning) might our students need to achieve their goals? What are the ideal modalities (e.g. small group instruction, one-on-one tutoring, online learning) to deliver these experiences?",
          [
            "Most learning happens through one experience and modality, such as whole-class instruction.",
            "Some varied experiences and modalities are offered, occasionally.",
            "Students regularly learn through varied experiences and modalities chosen to fit their goals.",
            "Students learn through the types of experiences and the modalities that best fit their goals.",
          ],
        ),
        indicator(
          "fa.student-ownership",
          "Student Ownership",
          "In what ways might we enable students to develop and manage their own learning path?",
          [
            "Adults decide each student's learning path.",
            "Some students make choices within a path adults manage.",
            "Most students help develop and manage their own learning path, with support.",
            "Students develop and manage their own learning path.",
          ],
        ),
      ],
    },
    {
      key: "fa.competency-based-progression",
      name: "Competency-Based Progression",
      description:
        "Each student's progress toward clearly-defined goals is continually assessed. A student advances and earns credit as soon as he/she demonstrates mastery.",
      indicators: [
        indicator(
          "fa.ongoing-assessment",
          "Ongoing Assessment",
          "In what ways and how frequently might we assess each student's level of mastery within the dimensions that we believe are essential for his/her success?",
          [
            "Mastery is assessed mainly at the end of units or terms.",
            "Some teachers assess mastery in an ongoing way, in some dimensions.",
            "Most students' mastery is assessed frequently in most essential dimensions.",
            "Each student's level of mastery in every essential dimension is assessed continually.",
          ],
        ),
        indicator(
          "fa.individual-advancement",
          "Individual Advancement",
          "How might we enable an individual student to pursue new learning experiences as soon as he/she has mastered the prerequisite content? How might students attain course credit based on mastery?",
          [
            "Students advance together, and credit depends on seat time.",
            "Some students can move ahead when they master content, without credit for it.",
            "Most students can pursue new learning once they master prerequisites, and credit is based on mastery in some courses.",
            "Each student pursues new learning as soon as he/she has mastered the prerequisite content, and earns course credit based on mastery.",
          ],
        ),
      ],
    },
    {
      key: "fa.flexible-learning-environments",
      name: "Flexible Learning Environments",
      description:
        "Student needs drive the design of the learning environment. All operational elements—staffing plans, space utilization and time allocation—respond and adapt to support students in achieving their goals.",
      indicators: [
        indicator(
          "fa.operational-alignment",
          "Operational Alignment",
          "How might we deliver all of the learning experiences that our students need, with the resources we have available? How might we build flexibility into our design to enable us to respond and adapt to changing student needs?",
          [
            "Operations follow fixed routines regardless of what students need.",
            "Some operational choices are made around student needs, with little flexibility.",
            "Most operational choices deliver the experiences students need and leave room to adapt.",
            "Our resources deliver all of the learning experiences our students need, with flexibility built in to adapt to changing needs.",
          ],
        ),
        indicator(
          "fa.staffing-and-roles",
          "Staffing & Roles",
          "In what ways might we structure teacher and other educator roles to support our instructional vision? How might we build flexibility into these roles to enable our staff to respond and adapt to changing student needs?",
          [
            "Educator roles are fixed and not tied to an instructional vision.",
            "Some roles have been rethought to support the instructional vision.",
            "Most teacher and educator roles support the instructional vision, with some flexibility.",
            "Teacher and other educator roles are structured to support our instructional vision and flex to changing student needs.",
          ],
        ),
        indicator(
          "fa.space-utilization",
          "Space Utilization",
          "How might we design our physical space to support our instructional vision? Might we use spaces beyond our walls, and if so, how?",
          [
            "Space is used as it always has been.",
            "Some spaces have been redesigned; spaces beyond our walls are rarely used.",
            "Most spaces support the instructional vision, and spaces beyond our walls are used at times.",
            "Our physical space, and spaces beyond our walls, are designed and used to support our instructional vision.",
          ],
        ),
        indicator(
          "fa.time-allocation",
          "Time Allocation",
          "In what ways might we maximize the time each student spends pursuing his/her goals? How might our student and staff schedules respond and adapt to changing student needs?",
          [
            "Schedules are fixed and the same for all students.",
            "Some flexible time exists, in parts of the week.",
            "Most schedules give students substantial time on their goals and adapt to needs at set points.",
            "Each student's time is maximized for pursuing his/her goals, and student and staff schedules adapt to changing needs.",
          ],
        ),
        indicator(
          "fa.grouping-and-connections",
          "Grouping & Connections",
          "How might we group students to enable the varied learning experiences we hope to offer? How might the way we group students respond and adapt to their changing needs? In what ways might we facilitate personal connections between students, and between students and adults?",
          [
            "Students stay in fixed groups, and personal connections are left to chance.",
            "Some regrouping happens, and some structures connect students with each other and with adults.",
            "Grouping usually follows students' needs, and most students have deliberate personal connections with peers and adults.",
            "Grouping enables varied learning experiences and adapts to changing needs, and every student has personal connections with other students and with adults.",
          ],
        ),
      ],
    },
  ],
};

/** Offered in this order; the first is the default for a new cycle. */
export const BUILT_IN_FRAMEWORKS: readonly FrameworkDefinition[] = [PERSONALIZED_LEARNING_READINESS, ECOSYSTEM_CHARACTERISTICS, FOUR_ATTRIBUTES];
export const DEFAULT_FRAMEWORK_KEY = PERSONALIZED_LEARNING_READINESS.key;
